package dev.phoenix.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way Phoenix builds a file-system path from names (environment, target, record id):
 * under a root, checked to stay under it. A segment that would climb out ({@code ..}, an absolute
 * path, a separator) is refused, and so is a symbolic link below the root: a link there could
 * lead anywhere, and Phoenix neither reads nor writes through it (docs/security.md).
 */
public final class UnderRoot {
  private UnderRoot() {}

  /** {@code root/segment/…}, or an INPUT error naming the path and why it is refused. */
  public static Path resolve(Path root, String... segments) {
    Path base = root.toAbsolutePath().normalize();
    Path path = base;
    for (String segment : segments) {
      if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")
          || segment.contains("/") || segment.contains("\\") || segment.indexOf('\0') >= 0) {
        throw PhoenixException.input("'" + segment + "' cannot be part of a path under " + base,
            "names are checked against their rule before they become paths; this one is not allowed");
      }
      path = path.resolve(segment);
      if (Files.isSymbolicLink(path)) {
        throw PhoenixException.input(path + " is a symbolic link; Phoenix does not read or write through links under "
                + base, "replace the link with a directory, or point Phoenix at the real directory");
      }
    }
    Path normal = path.normalize();
    if (!normal.startsWith(base)) {
      throw PhoenixException.input(normal + " is outside " + base, "use a name that stays under it");
    }
    return normal;
  }
}
