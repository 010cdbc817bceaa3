package io.krrkit.local.internal.idporten;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SSO sessions and the clients each logged in to, shared by every node on the store. */
public interface SsoSessionRepository {
  void insert(SsoSession session);

  /** The live (not ended) session whose cookie hashes to {@code cookieHash}. */
  Optional<SsoSession> findLive(String cookieHash);

  /** Records that the session logged in to {@code clientId} (once per client). */
  void join(String sid, String clientId, Instant when);

  /** The clients of the session, in the order they joined. */
  List<String> clients(String sid);

  /** Ends the session; false when it had ended already (atomic). */
  boolean end(String sid);
}
