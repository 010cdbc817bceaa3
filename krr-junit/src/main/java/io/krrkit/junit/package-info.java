/**
 * JUnit 5 support for tests against krr-local: {@link io.krrkit.junit.KrrLocalExtension} starts the
 * emulator in-process on a free port and registers test clients with their keys.
 */
package io.krrkit.junit;
