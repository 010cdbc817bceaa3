package io.krrkit.local.internal.web;

/**
 * The web page's secrets, made by the first node that needs one and read by every other, so all
 * nodes on one store sign and check sessions alike.
 */
public interface SessionSecrets {
  /** The 32-byte secret {@code name}, created now if there is none. */
  byte[] loadOrCreate(String name);
}
