package dev.phoenix.model;

import java.util.List;

/** One environment as it is at one revision: its lockfile and the stacks it names, in order. */
public record Estate(Lockfile lockfile, List<Stack> stacks) {}
