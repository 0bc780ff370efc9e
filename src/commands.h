/* commands.h - declarations of the subcommand entry points listed in
 * commands.def. */
#ifndef WFO_COMMANDS_H
#define WFO_COMMANDS_H

#define WFO_COMMAND(name, fn, summary) int fn(int argc, char **argv);
#include "commands.def"
#undef WFO_COMMAND

#endif
