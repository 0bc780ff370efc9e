# src/files.mk - writing revision files, init/revision/merge, data templates, man page.
