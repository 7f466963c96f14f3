package dev.phoenix.docker;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.util.function.Supplier;

/** The one place where docker-java exceptions become {@link DockerException}s. */
final class Guard {
  private Guard() {}

  static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (DockerException e) {
      throw e;
    } catch (NotFoundException e) {
      throw DockerException.failed(what + ": not found (" + clean(e) + ")", true, e);
    } catch (com.github.dockerjava.api.exception.DockerException e) {
      throw DockerException.failed(what + ": " + clean(e), false, e);
    } catch (DockerClientException e) {
      throw DockerException.failed(what + ": " + clean(e), false, e);
    } catch (RuntimeException e) {
      if (causedByIo(e)) {
        throw DockerException.unavailable(what + ": Docker daemon unreachable (" + clean(e) + ")", e);
      }
      throw DockerException.failed(what + ": " + clean(e), false, e);
    }
  }

  static void run(String what, Runnable call) {
    call(what, () -> {
      call.run();
      return null;
    });
  }

  static void interrupted(String what, InterruptedException e) {
    Thread.currentThread().interrupt();
    throw DockerException.failed(what + ": interrupted", false, e);
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The daemon's message on one line, without docker-java's "Status 404: " JSON wrapping. */
  private static String clean(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.replaceAll("^Status \\d+: ", "").replace("{\"message\":\"", "").replace("\"}", "");
    return message.strip().replaceAll("\\s+", " ");
  }
}
