# src/model.mk - model registry loaders, the catalogue, the database catalogue reader.
src_libwfo_a_SOURCES += src/catalog.c src/catalog.h
dist_pkgdata_DATA += data/schema.sql
src_libwfo_a_SOURCES += src/dbcatalog.c src/dbcatalog.h
src_wfo_migrate_SOURCES += src/cmd_show.c
src_libwfo_a_SOURCES += src/models.c src/models.h src/registry_json.c src/registry_yaml.c

check_PROGRAMS += tests/unit/test_registry
tests_unit_test_registry_SOURCES = tests/unit/test_registry.c
tests_unit_test_registry_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_registry_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_registry
EXTRA_DIST += tests/unit/models

check_PROGRAMS += tests/db/dbcat_tool
tests_db_dbcat_tool_SOURCES = tests/db/dbcat_tool.c
tests_db_dbcat_tool_LDADD = $(LIBWFO_LIBS)
TESTS += tests/db/catalog_show.sh
EXTRA_DIST += tests/db/catalog_show.sh tests/db/catalog_small.sql
