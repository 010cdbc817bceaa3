package io.krrkit.krr;

/**
 * What one {@link ChangeFeed#sync} did.
 *
 * @param fromChangeId the copy's change id before
 * @param toChangeId the copy's change id after: the register's latest
 * @param pages how many pages were fetched
 * @param persons how many changed persons were applied
 */
public record SyncResult(long fromChangeId, long toChangeId, int pages, long persons) {}
