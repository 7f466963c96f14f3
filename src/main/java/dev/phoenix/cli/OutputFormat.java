package dev.phoenix.cli;

/** Every read command prints text for people or JSON for machines (docs/json.md). */
enum OutputFormat {
  text,
  json
}
