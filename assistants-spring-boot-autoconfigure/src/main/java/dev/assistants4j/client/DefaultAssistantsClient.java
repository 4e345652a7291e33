package dev.assistants4j.client;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.model.json.AssistantsJson;

/**
 * Default {@link AssistantsClient}: one {@link ApiTransport} shared by every resource.
 */
final class DefaultAssistantsClient implements AssistantsClient {

	static final int MAX_CONNECTIONS = 500;

	static final int MAX_PENDING_ACQUIRES = 10_000;

	private final ClientSettings settings;

	private final ApiTransport transport;

	private final AssistantOperations assistants;

	private final ThreadOperations threads;

	private final MessageOperations messages;

	private final RunOperations runs;

	private final RunStepOperations runSteps;

	private final FileOperations files;

	private final VectorStoreOperations vectorStores;

	private final VectorStoreFileOperations vectorStoreFiles;

	private final VectorStoreFileBatchOperations vectorStoreFileBatches;

	DefaultAssistantsClient(ClientSettings settings) {
		this.settings = settings;
		JsonMapper mapper = AssistantsJson.newMapper();
		RetryPolicy retryPolicy = new RetryPolicy(settings.maxRetries(), settings.initialBackoff(),
				settings.maxBackoff(), settings.maxRetryAfter());
		this.transport = new ApiTransport(webClient(settings), mapper, settings, retryPolicy,
				new OperationObservations(settings.observationRegistry(), settings.observationConvention()));
		Poller poller = new Poller(settings.pollInterval(), settings.pollTimeout());
		DefaultRunOperations runs = new DefaultRunOperations(this.transport, poller);
		this.assistants = new DefaultAssistantOperations(transport);
		this.threads = new DefaultThreadOperations(transport, runs);
		this.messages = new DefaultMessageOperations(transport);
		this.runs = runs;
		this.runSteps = new DefaultRunStepOperations(transport);
		this.files = new DefaultFileOperations(transport, settings.maxInMemorySize());
		this.vectorStores = new DefaultVectorStoreOperations(transport, poller);
		this.vectorStoreFiles = new DefaultVectorStoreFileOperations(transport, this.files, poller);
		this.vectorStoreFileBatches = new DefaultVectorStoreFileBatchOperations(transport, this.files, poller);
	}

	/**
	 * Returns the transport every resource shares, for the tests of what no resource exposes on its own.
	 */
	ApiTransport transport() {
		return this.transport;
	}

	private static WebClient webClient(ClientSettings settings) {
		WebClient.Builder builder = (settings.webClientBuilder() != null) ? settings.webClientBuilder().clone()
				: WebClient.builder().observationRegistry(settings.observationRegistry());
		// Strict encoding of variables: an id such as "a/b" or "a?b" stays inside its path segment.
		return builder.uriBuilderFactory(new PreparedUriBuilderFactory(settings.baseUrl()))
			.clientConnector(connector(settings))
			.codecs((codecs) -> {
				codecs.defaultCodecs().maxInMemorySize(settings.maxInMemorySize());
				// Request details include the Authorization header: never log them, whatever the app set.
				codecs.defaultCodecs().enableLoggingRequestDetails(false);
			})
			.defaultHeaders((headers) -> defaultHeaders(settings, headers))
			.build();
	}

	private static ClientHttpConnector connector(ClientSettings settings) {
		if (settings.clientConnector() != null) {
			return settings.clientConnector();
		}
		HttpClient httpClient = HttpClient.create(SharedConnectionPool.INSTANCE)
			.runOn(SharedConnectionPool.LOOPS)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
					settings.connectTimeout().toMillis()));
		// One response timer per connection; each request sets its timeout on it (ResponseTimeouts).
		return new ReactorClientHttpConnector(AssistantsHttpClients.withResponseTimer(httpClient));
	}

	/**
	 * Returns the settings of the pool every client built without a connector shares. Reactor Netty's global
	 * pool allows {@code max(16, 2 x cores)} connections per server and makes every other call wait for one,
	 * failing it after 45 s; a streamed run holds its connection until the run ends, so an application that
	 * streams a few dozen runs at once would stall every other call.
	 * @param name the pool's name, in metrics and logs
	 */
	static ConnectionProvider.Builder connectionPool(String name) {
		return ConnectionProvider.builder(name)
			.maxConnections(MAX_CONNECTIONS)
			.pendingAcquireMaxCount(MAX_PENDING_ACQUIRES)
			.pendingAcquireTimeout(Duration.ofSeconds(45))
			// Below the idle timeouts of common servers and proxies, so that a request never meets a closed one.
			.maxIdleTime(Duration.ofSeconds(30))
			.evictInBackground(Duration.ofSeconds(30));
	}

	private static void defaultHeaders(ClientSettings settings, HttpHeaders headers) {
		switch (settings.authHeader()) {
			case BEARER -> headers.set(HttpHeaders.AUTHORIZATION, settings.credential());
			case API_KEY -> headers.set(AssistantsHttpHeaders.API_KEY, settings.credential());
		}
		if (settings.betaHeader() != null) {
			headers.set(AssistantsHttpHeaders.BETA, settings.betaHeader());
		}
		if (settings.organization() != null) {
			headers.set(AssistantsHttpHeaders.ORGANIZATION, settings.organization());
		}
		if (settings.project() != null) {
			headers.set(AssistantsHttpHeaders.PROJECT, settings.project());
		}
		// Last, so that a configured header replaces a built-in one of the same name, as documented.
		settings.headers().forEach(headers::set);
	}

	@Override
	public AssistantOperations assistants() {
		return this.assistants;
	}

	@Override
	public ThreadOperations threads() {
		return this.threads;
	}

	@Override
	public MessageOperations messages() {
		return this.messages;
	}

	@Override
	public RunOperations runs() {
		return this.runs;
	}

	@Override
	public RunStepOperations runSteps() {
		return this.runSteps;
	}

	@Override
	public FileOperations files() {
		return this.files;
	}

	@Override
	public VectorStoreOperations vectorStores() {
		return this.vectorStores;
	}

	@Override
	public VectorStoreFileOperations vectorStoreFiles() {
		return this.vectorStoreFiles;
	}

	@Override
	public VectorStoreFileBatchOperations vectorStoreFileBatches() {
		return this.vectorStoreFileBatches;
	}

	@Override
	public Builder mutate() {
		return new DefaultAssistantsClientBuilder(this.settings);
	}

	@Override
	public String toString() {
		return "AssistantsClient[" + this.settings.baseUrl() + "]";
	}

	// A holder, so that the pool and its event loops are created only by a client that uses them. The loops
	// are the client's own, not Reactor Netty's global ones: a Spring context that shuts down disposes the
	// global loops, and pooled connections bound to them would then never complete a request again.
	private static final class SharedConnectionPool {

		static final ConnectionProvider INSTANCE = connectionPool("assistants4j").build();

		static final LoopResources LOOPS = LoopResources.create("assistants4j");

	}

}
