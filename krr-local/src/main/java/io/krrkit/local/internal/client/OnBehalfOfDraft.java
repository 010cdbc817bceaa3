package io.krrkit.local.internal.client;

/**
 * An on-behalf-of registration as a caller sends it, unchecked; {@link OnBehalfOfRegistry#add}
 * validates it.
 */
public record OnBehalfOfDraft(
    String onbehalfof, String orgno, String name, String description, String clientUri) {}
