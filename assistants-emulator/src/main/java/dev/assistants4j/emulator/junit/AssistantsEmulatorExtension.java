package dev.assistants4j.emulator.junit;

import java.time.Duration;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.util.Assert;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.AssistantsEmulator;

/**
 * Runs an {@link AssistantsEmulator} for the tests of a class, and injects it, a client of it, or its base
 * URL into their parameters: {@code AssistantsEmulator}, {@code AssistantsClient}, and a {@code String}
 * annotated {@link EmulatorBaseUrl}.
 *
 * <p>Registered in a static field, the emulator runs once for the class; in an instance field, once for
 * each test. Objects created by one test are seen by the next within a class; call
 * {@link AssistantsEmulator#reset()} to start from nothing.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension(
 *         (builder) -&gt; builder.responder(new ScriptedResponder().thenReply("Hi!")));
 *
 * &#64;Test
 * void greets() {
 *     AssistantsClient client = emulator.client();
 *     ...
 * }
 * </pre>
 *
 * <p>Or declaratively, with {@code @ExtendWith(AssistantsEmulatorExtension.class)} on the class and the
 * client as a parameter of each test. Either way the emulator is fast by default: runs move after 1 ms,
 * text streams without delay, and the client polls every 10 ms; the customizer may change any of it.
 */
public final class AssistantsEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
		AfterEachCallback, ParameterResolver {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

	private final Consumer<AssistantsEmulator.Builder> customizer;

	private @Nullable AssistantsEmulator emulator;

	private @Nullable AssistantsClient client;

	/** The unique id of the context that started the emulator, which alone stops it. */
	private @Nullable String owner;

	/**
	 * Creates an extension that runs an emulator with the fast test settings and a default responder.
	 */
	public AssistantsEmulatorExtension() {
		this((builder) -> {
		});
	}

	/**
	 * Creates an extension that runs an emulator customized after the fast test settings are applied.
	 * @param customizer what to change of the emulator's builder, such as its responder
	 */
	public AssistantsEmulatorExtension(Consumer<AssistantsEmulator.Builder> customizer) {
		Assert.notNull(customizer, "'customizer' must not be null");
		this.customizer = customizer;
	}

	/**
	 * Returns the running emulator.
	 * @return the emulator
	 * @throws IllegalStateException if no test of the class is running
	 */
	public synchronized AssistantsEmulator emulator() {
		Assert.state(this.emulator != null, "The emulator is not running: it runs only while the tests of the "
				+ "class that registers the extension run");
		return this.emulator;
	}

	/**
	 * Returns the emulator's base URL.
	 * @return the base URL, such as {@code http://127.0.0.1:49152/v1}
	 * @throws IllegalStateException if no test of the class is running
	 */
	public String baseUrl() {
		return emulator().baseUrl();
	}

	/**
	 * Returns a client of the emulator, polling every 10 ms.
	 * @return the client
	 * @throws IllegalStateException if no test of the class is running
	 */
	public synchronized AssistantsClient client() {
		AssistantsEmulator running = emulator();
		if (this.client == null) {
			this.client = running.clientBuilder().pollInterval(POLL_INTERVAL).build();
		}
		return this.client;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		start(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		stop(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == AssistantsEmulator.class || type == AssistantsClient.class
				|| (type == String.class && parameter.isAnnotated(EmulatorBaseUrl.class));
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		start(context);
		Class<?> type = parameter.getParameter().getType();
		if (type == AssistantsEmulator.class) {
			return emulator();
		}
		return (type == AssistantsClient.class) ? client() : baseUrl();
	}

	private synchronized void start(ExtensionContext context) {
		if (this.emulator != null) {
			return;
		}
		AssistantsEmulator.Builder builder = AssistantsEmulator.builder()
			.stepDelay(Duration.ofMillis(1))
			.chunkDelay(Duration.ZERO)
			.pollAfter(POLL_INTERVAL);
		this.customizer.accept(builder);
		this.emulator = builder.build().start();
		this.owner = context.getUniqueId();
	}

	private synchronized void stop(ExtensionContext context) {
		if (this.emulator != null && context.getUniqueId().equals(this.owner)) {
			this.emulator.stop();
			this.emulator = null;
			this.client = null;
			this.owner = null;
		}
	}

}
