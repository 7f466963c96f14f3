package dev.phoenix.docker;

import java.util.Map;

/** A network or volume as listed: its id (a volume's is its name), name and labels. */
public record Named(String id, String name, Map<String, String> labels) {}
