package io.krrkit.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.krr.KrrClient;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.testsupport.Faults;
import io.krrkit.testsupport.OperatorApiClient;
import io.krrkit.testsupport.ReadyClients;
import io.krrkit.testsupport.RequestVerifier;
import io.krrkit.testsupport.SigningClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * krr-local in a container ({@code krr serve} from the project's image), for tests in any JUnit or
 * none: started on a free host port that the emulator also takes as its public URL, so issuer and
 * token endpoint are the URLs the host calls; ready once {@code /ready} answers 200. The bootstrap
 * client is read out of the container ({@code /data/bootstrap.json}), and the same ready clients as
 * krr-junit's come wired to the container's URLs and clock:
 *
 * <pre>{@code
 * @Container
 * static final KrrLocalContainer krr = new KrrLocalContainer();
 *
 * @Test
 * void looksUpAPerson() {
 *   KrrClient client = krr.krrClient();   // a new KRR client, registered, keyed and wired
 *   LookupResult result = client.lookup(List.of("20914695016"));
 * }
 * }</pre>
 *
 * <p>The operator API is on, behind a token this object makes: {@link #advance} moves the
 * emulator's clock and the ready clients' clock together, {@link #reset} empties the state, {@link
 * #faults()} injects faults and {@link #verify()} checks the calls made, with the same API as
 * krr-junit's.
 */
public class KrrLocalContainer extends GenericContainer<KrrLocalContainer> {
  /** The image {@code image/build} makes. */
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("krr-local:dev");

  /** The port {@code krr serve} listens on in the container. */
  public static final int PORT = 7070;

  /** Where the image's {@code krr serve} writes the bootstrap file. */
  public static final String BOOTSTRAP_PATH = "/data/bootstrap.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP = Duration.ofSeconds(120);

  private final String operatorToken = "krr-tc-" + UUID.randomUUID();
  private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);
  private final Clock clock = new FollowingClock(clockOffset, ZoneOffset.UTC);
  private int hostPort;
  private volatile Bootstrap bootstrap;
  private volatile RSAKey keyMaterial;

  /** The project's image, {@code krr-local:dev}. */
  public KrrLocalContainer() {
    this(DEFAULT_IMAGE);
  }

  /** Another build of the image, such as a released tag. */
  public KrrLocalContainer(DockerImageName image) {
    super(image);
    withExposedPorts(PORT);
    withEnv("KRR_LOCAL_EPHEMERAL", "true");
    withEnv("KRR_LOCAL_ADMIN", "true");
    withEnv("KRR_LOCAL_OPERATOR_TOKEN", operatorToken);
    waitingFor(Wait.forHttp("/ready").forPort(PORT).forStatusCode(200)).withStartupTimeout(STARTUP);
  }

  @Override
  protected void configure() {
    // The emulator's issuer is fixed at start, and grants name it as their audience: it must be
    // the URL the host calls, so the host port is chosen here, before the container starts.
    hostPort = freePort();
    setPortBindings(List.of(hostPort + ":" + PORT));
    withEnv("KRR_LOCAL_PUBLIC_URL", "http://" + getHost() + ":" + hostPort);
    super.configure();
  }

  /** The emulator's base URL on the host, {@code http://localhost:PORT}. */
  public String baseUrl() {
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  /** The Maskinporten issuer, {@code {base}/maskinporten/}; grants name it as their audience. */
  public String maskinportenIssuer() {
    return baseUrl() + "/maskinporten/";
  }

  /** KRR's base URL, {@code {base}/kontaktregisteret}. */
  public String krrUrl() {
    return baseUrl() + "/kontaktregisteret";
  }

  /** The self-service API's base URL, {@code {base}/selvbetjening}. */
  public String selfServiceUrl() {
    return baseUrl() + "/selvbetjening";
  }

  /**
   * The bootstrap file's JSON as the emulator wrote it in the container: the admin client with its
   * private key (a secret: never log it).
   */
  public String bootstrapJson() {
    return bootstrap().json();
  }

  /** The bootstrap admin client's id. */
  public String bootstrapClientId() {
    return bootstrap().clientId();
  }

  /** The operator API's token, for {@code /admin} calls of your own. */
  public String operatorToken() {
    return operatorToken;
  }

  /**
   * The emulator's clock as the ready clients see it: the system clock moved by {@link #advance}.
   */
  public Clock clock() {
    return clock;
  }

  /** Registers a new KRR client through the self-service API, with both lookup scopes and a key. */
  public ContainerTestClient registerKrrClient() {
    SelfServiceClient selfService = selfServiceClient();
    RegisteredClient registered =
        selfService.createClient(ClientRequest.krr("krr-testcontainers test client").build());
    RSAKey key = new RSAKey.Builder(keyMaterial()).keyID("test-" + registered.clientId()).build();
    selfService.addKey(registered.clientId(), key.toPublicJWK());
    return new ContainerTestClient(registered.clientId(), new HashSet<>(registered.scopes()), key);
  }

  /** A KRR client of a newly {@link #registerKrrClient() registered} client. */
  public KrrClient krrClient() {
    return krrClientBuilder(registerKrrClient()).build();
  }

  /** A KRR client builder for {@code client}, on the container's URLs and clock. */
  public KrrClient.Builder krrClientBuilder(SigningClient client) {
    return readyClients().krr(client);
  }

  /** A Maskinporten client signing {@code client}'s grants, on the container's URLs and clock. */
  public MaskinportenClient maskinportenClient(SigningClient client) {
    return maskinportenClientBuilder(client).build();
  }

  /** A Maskinporten client builder for {@code client}; set retries and the like before build. */
  public MaskinportenClient.Builder maskinportenClientBuilder(SigningClient client) {
    return readyClients().maskinporten(client);
  }

  /** A self-service API client signed in as the bootstrap client. */
  public SelfServiceClient selfServiceClient() {
    Bootstrap b = bootstrap();
    return readyClients().selfService(b.clientId(), b.key());
  }

  /** Moves the emulator's clock (and the ready clients') by {@code delta}. */
  public void advance(Duration delta) {
    Duration offset = clockOffset.get().plus(delta);
    String body = JSON.createObjectNode().put("offset", offset.toString()).toString();
    operatorApi().send("PUT", "/admin/clock", body);
    clockOffset.set(offset);
  }

  /** Empties the emulator's state (clients, keys, persons back to the seed) between tests. */
  public void reset() {
    operatorApi().send("POST", "/admin/reset", null);
    clockOffset.set(Duration.ZERO);
  }

  /**
   * Fault and latency injection in the container (operator API {@code /admin/faults}), as
   * krr-junit's {@code krr.faults()}: makes an endpoint fail on purpose, to test your retries and
   * time-outs. The rules stay until removed, {@link Faults#clear()} or {@link #reset()}.
   *
   * <pre>{@code
   * krr.faults().on(FaultEndpoint.KRR_LOOKUP).sequence(503, 503).retryAfter(Duration.ZERO).add();
   * }</pre>
   */
  public Faults faults() {
    return operatorApi().faults();
  }

  /**
   * Verifies the calls made to the emulator in the container, from its request journal (operator
   * API {@code /admin/journal}), as krr-junit's {@code krr.verify()}.
   *
   * <pre>{@code
   * krr.verify().tokenRequests().client(client.clientId()).times(1); // the token was cached
   * }</pre>
   */
  public RequestVerifier verify() {
    return RequestVerifier.of(operatorApi().journal());
  }

  /** The container's operator API, with its token, for {@code /admin} calls of your own. */
  public OperatorApiClient operatorApi() {
    return new OperatorApiClient(baseUrl(), operatorToken);
  }

  private ReadyClients readyClients() {
    return new ReadyClients(maskinportenIssuer(), krrUrl(), selfServiceUrl(), clock);
  }

  private Bootstrap bootstrap() {
    Bootstrap b = bootstrap;
    if (b == null) {
      String json =
          copyFileFromContainer(
              BOOTSTRAP_PATH, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
      b = Bootstrap.parse(json);
      bootstrap = b;
    }
    return b;
  }

  private RSAKey keyMaterial() {
    RSAKey key = keyMaterial;
    if (key == null) {
      try {
        key = new RSAKeyGenerator(RSAKeyGenerator.MIN_KEY_SIZE_BITS).generate();
      } catch (JOSEException e) {
        throw new IllegalStateException("the JDK could not make an RSA key pair", e);
      }
      keyMaterial = key;
    }
    return key;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on this machine", e);
    }
  }

  /** The bootstrap file: the admin client's id and key. */
  private record Bootstrap(String json, String clientId, RSAKey key) {
    static Bootstrap parse(String json) {
      try {
        JsonNode node = JSON.readTree(json);
        String clientId = node.path("client_id").asText("");
        if (clientId.isEmpty() || !node.path("private_jwk").isObject()) {
          throw new IllegalStateException(
              BOOTSTRAP_PATH + " in the container has no client_id or private_jwk");
        }
        return new Bootstrap(json, clientId, RSAKey.parse(node.path("private_jwk").toString()));
      } catch (IOException | ParseException e) {
        // No cause: its message may quote the private key.
        throw new IllegalStateException(
            BOOTSTRAP_PATH + " in the container is not a bootstrap file");
      }
    }

    @Override
    public String toString() {
      return "Bootstrap[clientId=" + clientId + "]";
    }
  }

  /** The system clock moved by the offset {@link #advance} last set. */
  private static final class FollowingClock extends Clock {
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    FollowingClock(AtomicReference<Duration> offset, ZoneId zone) {
      this.offset = offset;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new FollowingClock(offset, zone);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }
  }
}
