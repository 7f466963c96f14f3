package dev.phoenix.model;

/** Where an artefact was built from. */
public record Source(String repository, String commit) {}
