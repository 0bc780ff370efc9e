# src/model.mk - model registry loaders, the catalogue, the database catalogue reader.
src_libwfo_a_SOURCES += src/catalog.c src/catalog.h
dist_pkgdata_DATA += data/schema.sql
