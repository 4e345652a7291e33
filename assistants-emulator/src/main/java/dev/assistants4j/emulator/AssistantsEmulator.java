package dev.assistants4j.emulator;

import java.time.Duration;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.util.Assert;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.responder.DefaultResponder;
import dev.assistants4j.emulator.responder.Responder;

/**
 * An in-memory server of the OpenAI Assistants API v2, on a loopback port, for tests and for applications
 * that must run offline. It implements the 42 operations over the client's own model: assistants, threads,
 * messages, runs with the service's lifecycle and stream events, run steps, files (kept in memory) and vector
 * stores (files are accepted and marked indexed, nothing is embedded). It refuses what the service refuses,
 * with the service's statuses and error envelope, checks the token, and answers every request with an
 * {@code x-request-id}. What a run answers comes from its {@link Responder}, a {@link DefaultResponder}
 * unless one is set.
 *
 * <pre class="code">
 * try (AssistantsEmulator emulator = AssistantsEmulator.builder().build().start()) {
 *     AssistantsClient client = emulator.clientBuilder().build();
 *     ...
 * }
 * </pre>
 *
 * <p>Time-driven behaviour (a run's moves, the streaming of its text, the indexing of files, the expiry of a
 * run waiting for tool outputs) is scheduled on the emulator's {@link Scheduler}, never by a sleeping thread;
 * a test can pass a virtual-time scheduler to drive it. Instances are thread-safe; {@link #start()} and
 * {@link #stop()} take milliseconds.
 */
public final class AssistantsEmulator implements AutoCloseable {

	/**
	 * The token an emulator accepts when none is set.
	 */
	public static final String DEFAULT_TOKEN = "emulator-token";

	private static final Log logger = LogFactory.getLog(AssistantsEmulator.class);

	private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private final EmulatorSettings settings;

	private final EmulatorState state;

	private final HttpHandler handler;

	private volatile @Nullable DisposableServer server;

	// Every connection the server accepted, closed on stop: a client must not reach a stopped emulator
	// through a connection it pooled before.
	private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

	private AssistantsEmulator(EmulatorSettings settings) {
		this.settings = settings;
		this.state = new EmulatorState(settings.scheduler());
		this.handler = EmulatorRouter.httpHandler(settings, this.state);
	}

	/**
	 * Starts building an emulator.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts listening, which takes a few milliseconds; the call returns once the port is bound.
	 * @return this emulator
	 * @throws IllegalStateException if it is already running, or the port cannot be bound
	 */
	public synchronized AssistantsEmulator start() {
		Assert.state(this.server == null, () -> "The emulator is already running on " + baseUrl());
		long start = System.nanoTime();
		try {
			this.server = HttpServer.create()
				.channelGroup(this.connections)
				.host(this.settings.host())
				.port(this.settings.port())
				.handle(new ReactorHttpHandlerAdapter(this.handler))
				.bindNow(BIND_TIMEOUT);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The emulator could not listen on " + this.settings.host() + ":"
					+ this.settings.port() + ": " + ex.getMessage(), ex);
		}
		if (logger.isInfoEnabled()) {
			logger.info("Assistants API emulator listening on " + baseUrl() + " (started in "
					+ (System.nanoTime() - start) / 1_000_000 + " ms)");
		}
		return this;
	}

	/**
	 * Stops listening, ends every run and stream under way and forgets every object. Does nothing if the
	 * emulator is not running. It can be started again, empty.
	 */
	public synchronized void stop() {
		DisposableServer running = this.server;
		if (running == null) {
			return;
		}
		this.server = null;
		running.disposeNow(STOP_TIMEOUT);
		this.connections.close().awaitUninterruptibly(STOP_TIMEOUT.toMillis());
		this.state.clear();
		logger.debug("Assistants API emulator stopped");
	}

	/**
	 * Stops the emulator, as {@link #stop()} does.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Tells whether the emulator is listening.
	 * @return whether it is running
	 */
	public boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Forgets every object and stops every run, keeping the emulator listening: a clean slate between tests.
	 */
	public void reset() {
		this.state.clear();
	}

	/**
	 * Returns the port the emulator listens on, chosen at start when it was built with port 0.
	 * @return the port
	 * @throws IllegalStateException if the emulator is not running
	 */
	public int port() {
		DisposableServer running = this.server;
		Assert.state(running != null, "The emulator is not running; start() it first");
		return running.port();
	}

	/**
	 * Returns the base URL of the API, such as {@code http://127.0.0.1:49152/v1}, for a client's
	 * {@code base-url}.
	 * @return the base URL
	 * @throws IllegalStateException if the emulator is not running
	 */
	public String baseUrl() {
		String host = this.settings.host().contains(":") ? "[" + this.settings.host() + "]" : this.settings.host();
		return "http://" + host + ":" + port() + "/v1";
	}

	/**
	 * Returns the token the emulator accepts.
	 * @return the token
	 */
	public String token() {
		return this.settings.token();
	}

	/**
	 * Returns the responder that answers runs.
	 * @return the responder
	 */
	public Responder responder() {
		return this.settings.responder();
	}

	/**
	 * Starts building a client of this emulator, with its base URL and token set.
	 * @return a new client builder
	 * @throws IllegalStateException if the emulator is not running
	 */
	public AssistantsClient.Builder clientBuilder() {
		return AssistantsClient.builder().baseUrl(baseUrl()).token(token());
	}

	@Override
	public String toString() {
		DisposableServer running = this.server;
		return "AssistantsEmulator[" + ((running != null) ? baseUrl() : "stopped") + "]";
	}

	/**
	 * Builder of an {@link AssistantsEmulator}. Every setter checks its argument at once and throws
	 * {@link IllegalArgumentException} naming it.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private String token = DEFAULT_TOKEN;

		private Responder responder = new DefaultResponder();

		private Scheduler scheduler = Schedulers.parallel();

		private Duration stepDelay = Duration.ofMillis(50);

		private Duration chunkDelay = Duration.ofMillis(20);

		private Duration pollAfter = Duration.ofMillis(100);

		private Duration runTimeout = Duration.ofMinutes(10);

		private boolean requireBetaHeader = true;

		private long maxFileSize = 512L * 1024 * 1024;

		private Builder() {
		}

		/**
		 * Sets the address to listen on, the loopback address {@code 127.0.0.1} by default.
		 * @param host a host name or IP address
		 * @return this builder
		 */
		public Builder host(String host) {
			Assert.hasText(host, "'host' must not be blank");
			this.host = host;
			return this;
		}

		/**
		 * Sets the port to listen on; 0, the default, picks a free one at start.
		 * @param port 0 to 65535
		 * @return this builder
		 */
		public Builder port(int port) {
			Assert.isTrue(port >= 0 && port <= 65535, () -> "'port' must be between 0 and 65535 but was " + port);
			this.port = port;
			return this;
		}

		/**
		 * Sets the token the emulator accepts, {@value AssistantsEmulator#DEFAULT_TOKEN} by default.
		 * @param token the token
		 * @return this builder
		 */
		public Builder token(String token) {
			Assert.hasText(token, "'token' must not be blank");
			this.token = token;
			return this;
		}

		/**
		 * Sets what runs answer; a {@link DefaultResponder} by default.
		 * @param responder the responder
		 * @return this builder
		 */
		public Builder responder(Responder responder) {
			Assert.notNull(responder, "'responder' must not be null");
			this.responder = responder;
			return this;
		}

		/**
		 * Sets the scheduler of every time-driven move and the clock of every timestamp; Reactor's parallel
		 * scheduler by default. A test can pass a {@code VirtualTimeScheduler} to drive runs by hand.
		 * @param scheduler the scheduler, which the emulator never disposes
		 * @return this builder
		 */
		public Builder scheduler(Scheduler scheduler) {
			Assert.notNull(scheduler, "'scheduler' must not be null");
			this.scheduler = scheduler;
			return this;
		}

		/**
		 * Sets the delay before each move of a run (queued to in progress, cancelling to cancelled) and of
		 * a vector-store file's indexing; 50 ms by default.
		 * @param stepDelay zero or a positive duration
		 * @return this builder
		 */
		public Builder stepDelay(Duration stepDelay) {
			this.stepDelay = notNegative(stepDelay, "stepDelay");
			return this;
		}

		/**
		 * Sets the delay before each chunk of a streamed text; 20 ms by default.
		 * @param chunkDelay zero or a positive duration
		 * @return this builder
		 */
		public Builder chunkDelay(Duration chunkDelay) {
			this.chunkDelay = notNegative(chunkDelay, "chunkDelay");
			return this;
		}

		/**
		 * Sets the delay the {@code openai-poll-after-ms} header asks pollers to wait; 100 ms by default.
		 * @param pollAfter zero or a positive duration
		 * @return this builder
		 */
		public Builder pollAfter(Duration pollAfter) {
			this.pollAfter = notNegative(pollAfter, "pollAfter");
			return this;
		}

		/**
		 * Sets how long after its creation a run that has not ended expires, as a run waiting for tool outputs
		 * does on the service; 10 minutes by default.
		 * @param runTimeout a positive duration
		 * @return this builder
		 */
		public Builder runTimeout(Duration runTimeout) {
			Assert.isTrue(runTimeout != null && !runTimeout.isNegative() && !runTimeout.isZero(),
					() -> "'runTimeout' must be a positive duration but was " + runTimeout);
			this.runTimeout = runTimeout;
			return this;
		}

		/**
		 * Sets whether the assistants and threads endpoints refuse a request without
		 * {@code OpenAI-Beta: assistants=v2}, as the service does; true by default.
		 * @param requireBetaHeader whether the header is required
		 * @return this builder
		 */
		public Builder requireBetaHeader(boolean requireBetaHeader) {
			this.requireBetaHeader = requireBetaHeader;
			return this;
		}

		/**
		 * Sets the largest file an upload may hold in memory; 512 MB by default, the service's limit.
		 * @param bytes a positive number of bytes
		 * @return this builder
		 */
		public Builder maxFileSize(long bytes) {
			Assert.isTrue(bytes > 0, () -> "'maxFileSize' must be positive but was " + bytes);
			this.maxFileSize = bytes;
			return this;
		}

		/**
		 * Builds the emulator, which is not yet listening: {@link AssistantsEmulator#start() start()} it.
		 * @return a new emulator
		 */
		public AssistantsEmulator build() {
			return new AssistantsEmulator(new EmulatorSettings(this.host, this.port, this.token, this.responder,
					this.scheduler, this.stepDelay, this.chunkDelay, this.pollAfter, this.runTimeout,
					this.requireBetaHeader, this.maxFileSize));
		}

		private static Duration notNegative(Duration duration, String name) {
			Assert.isTrue(duration != null && !duration.isNegative(),
					() -> "'" + name + "' must be zero or a positive duration but was " + duration);
			return duration;
		}

	}

}
