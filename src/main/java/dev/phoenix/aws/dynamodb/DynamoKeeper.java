package dev.phoenix.aws.dynamodb;

import dev.phoenix.aws.AskedOnce;
import dev.phoenix.check.KeepLabels;
import dev.phoenix.check.Keeper;
import dev.phoenix.check.ReadingKeeper;
import dev.phoenix.check.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keep marks for DynamoDB on-demand backups: tag {@code phoenix-keep-<env>-backup-<backup id>} on
 * the backup's table (a backup carries no tags of its own). On-demand backups never expire; the
 * mark is what a cleanup of old backups must honour. {@link #kept} reads the tags of the tables of
 * the refs in scope.
 */
final class DynamoKeeper implements Keeper {
  private static final String BACKUP = "/backup/";
  private final DynamoTableTags tags;
  private final AskedOnce<String, Set<String>> keys;

  DynamoKeeper(DynamoTableTags tags) {
    this(tags, AskedOnce.never());
  }

  private DynamoKeeper(DynamoTableTags tags, AskedOnce<String, Set<String>> keys) {
    this.keys = keys;
    this.tags = tags;
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.DynamoBackup;
  }

  @Override
  public String mark(Ref ref, String env) {
    return "table tag " + key((Ref.DynamoBackup) ref, env);
  }

  /** For a run that only reads: each table's tags read once, for every backup and environment. */
  @Override
  public Keeper reading() {
    return new ReadingKeeper(new DynamoKeeper(tags, new AskedOnce<>()));
  }

  @Override
  public boolean isProtected(Ref ref, String env) {
    Ref.DynamoBackup b = (Ref.DynamoBackup) ref;
    String table = tableArn(b.arn());
    return keys.get(table, () -> tags.keepTags(table)).contains(key(b, env));
  }

  @Override
  public void protect(Ref ref, String env) {
    Ref.DynamoBackup b = (Ref.DynamoBackup) ref;
    tags.tag(tableArn(b.arn()), key(b, env));
  }

  @Override
  public List<Kept> kept(Collection<Ref> scope, String env) {
    Set<String> tables = new LinkedHashSet<>();
    scope.stream().filter(this::handles).forEach(r -> tables.add(tableArn(((Ref.DynamoBackup) r).arn())));
    String prefix = KeepLabels.forEnv(env) + "-backup-";
    List<Kept> out = new ArrayList<>();
    for (String table : tables) {
      for (String key : tags.keepTags(table)) {
        if (key.startsWith(prefix)) {
          out.add(new Kept(new Ref.DynamoBackup(table + BACKUP + key.substring(prefix.length())), "table tag " + key));
        }
      }
    }
    return out;
  }

  @Override
  public boolean release(Kept kept, String env) {
    Ref.DynamoBackup b = (Ref.DynamoBackup) kept.ref();
    tags.untag(tableArn(b.arn()), key(b, env));
    return true;
  }

  static String key(Ref.DynamoBackup backup, String env) {
    return KeepLabels.forEnv(env) + "-backup-" + backup.arn().substring(backup.arn().indexOf(BACKUP) + BACKUP.length());
  }

  static String tableArn(String backupArn) {
    return backupArn.substring(0, backupArn.indexOf(BACKUP));
  }
}
