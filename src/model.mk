# src/model.mk - model registry loaders, the catalogue, the database catalogue reader.
