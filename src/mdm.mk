# src/mdm.mk - the command-line front of domain-model migrations: line
# prompts (prompt_line.c) and the diff / migrate-domain-models commands.
