package io.krrkit.local.internal.client;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Client secrets in memory, for a {@link ClientRegistry} built without a store (tests). */
final class MemorySecrets implements ClientSecretRepository {
  private final Map<String, ClientSecret> secrets = new ConcurrentHashMap<>();

  @Override
  public Optional<ClientSecret> find(String clientId) {
    return Optional.ofNullable(secrets.get(clientId));
  }

  @Override
  public void replace(ClientSecret secret) {
    secrets.put(secret.clientId(), secret);
  }

  @Override
  public void delete(String clientId) {
    secrets.remove(clientId);
  }
}
