/* datadir.h - where wfo-migrate's data files are (schema.sql, the init
 * templates, the tutorial's lessons). */
#ifndef WFO_DATADIR_H
#define WFO_DATADIR_H

/* $WFO_DATA when set, else the installed pkgdatadir when it holds
 * schema.sql, else the source tree's data/ folder. Static storage. */
const char *wfo_data_dir(void);

#endif
