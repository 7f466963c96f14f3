package dev.phoenix.git;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Start-up settings for a short-lived, read-only process: JGit's defaults suit long-running IDEs.
 * No JMX bean for the pack cache (loading JMX costs ~100 ms), no `git config --system` child
 * process (Phoenix reads objects, not the system's Git settings), file-store timestamp probing in
 * the background.
 */
final class JGitSetup {
  private static boolean done;

  private JGitSetup() {}

  static synchronized void once() {
    if (done) {
      return;
    }
    done = true;
    WindowCacheConfig cache = new WindowCacheConfig();
    cache.setExposeStatsViaJmx(false);
    cache.install();
    FS.FileStoreAttributes.setBackground(true);
    SystemReader base = SystemReader.getInstance();
    SystemReader.setInstance(new SystemReader.Delegate(base) {
      @Override
      public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new FileBasedConfig(parent, null, fs) {
          @Override
          public void load() {
            // deliberately empty: system-wide Git settings do not change what history holds
          }

          @Override
          public boolean isOutdated() {
            return false;
          }
        };
      }
    });
  }
}
