/* cmd_downgrade.c - `wfo-migrate downgrade`: the run of cmd_upgrade.c, downwards. */
#include "config.h"
#include "commands.h"

/* In cmd_upgrade.c. */
int migrate_cli(int argc, char **argv, int upgrade);

int cmd_downgrade(int argc, char **argv)
{
	return migrate_cli(argc, argv, 0);
}
