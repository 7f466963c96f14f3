package dev.phoenix.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One root output of the stack.
 *
 * @param name output name
 * @param sensitive whether the stack marks it sensitive
 * @param value its value as JSON; always null when sensitive, so a secret never leaves the engine
 */
public record Output(String name, boolean sensitive, JsonNode value) {

  public Output {
    if (sensitive) {
      value = null;
    }
  }
}
