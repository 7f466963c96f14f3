package dev.phoenix.synth;

/**
 * Synthesis failed: the jsii runtime (Node) could not start, CDKTF refused the construct tree, or
 * the out directory could not be written. The message never carries configuration values.
 */
public class SynthException extends Exception {

  public SynthException(String message, Throwable cause) {
    super(message, cause);
  }

  public SynthException(String message) {
    super(message);
  }
}
