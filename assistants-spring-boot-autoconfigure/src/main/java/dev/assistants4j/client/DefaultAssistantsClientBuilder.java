package dev.assistants4j.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.client.observation.AssistantsObservationConvention;

/**
 * Default {@link AssistantsClient.Builder}.
 */
final class DefaultAssistantsClientBuilder implements AssistantsClient.Builder {

	static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

	static final String DEFAULT_BETA_HEADER = "assistants=v2";

	private @Nullable String token;

	private String baseUrl = DEFAULT_BASE_URL;

	private AuthHeaderStyle authHeader = AuthHeaderStyle.BEARER;

	private @Nullable String betaHeader = DEFAULT_BETA_HEADER;

	private @Nullable String organization;

	private @Nullable String project;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final Map<String, String> queryParams = new LinkedHashMap<>();

	private Duration connectTimeout = Duration.ofSeconds(10);

	private Duration responseTimeout = Duration.ofSeconds(60);

	private Duration streamIdleTimeout = Duration.ofSeconds(60);

	private int maxInMemorySize = 16 * 1024 * 1024;

	private int maxRetries = 2;

	private Duration initialBackoff = Duration.ofMillis(500);

	private Duration maxBackoff = Duration.ofSeconds(8);

	private Duration maxRetryAfter = Duration.ofSeconds(120);

	private Duration pollInterval = Duration.ofSeconds(1);

	private Duration pollTimeout = Duration.ofMinutes(10);

	private WebClient.@Nullable Builder webClientBuilder;

	private @Nullable ClientHttpConnector clientConnector;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable AssistantsObservationConvention observationConvention;

	DefaultAssistantsClientBuilder() {
	}

	DefaultAssistantsClientBuilder(ClientSettings settings) {
		this.token = settings.token();
		this.baseUrl = settings.baseUrl();
		this.authHeader = settings.authHeader();
		this.betaHeader = settings.betaHeader();
		this.organization = settings.organization();
		this.project = settings.project();
		this.headers.putAll(settings.headers());
		this.queryParams.putAll(settings.queryParams());
		this.connectTimeout = settings.connectTimeout();
		this.responseTimeout = settings.responseTimeout();
		this.streamIdleTimeout = settings.streamIdleTimeout();
		this.maxInMemorySize = settings.maxInMemorySize();
		this.maxRetries = settings.maxRetries();
		this.initialBackoff = settings.initialBackoff();
		this.maxBackoff = settings.maxBackoff();
		this.maxRetryAfter = settings.maxRetryAfter();
		this.pollInterval = settings.pollInterval();
		this.pollTimeout = settings.pollTimeout();
		this.webClientBuilder = settings.webClientBuilder();
		this.clientConnector = settings.clientConnector();
		this.observationRegistry = settings.observationRegistry();
		this.observationConvention = settings.observationConvention();
	}

	@Override
	public AssistantsClient.Builder token(String token) {
		Assert.hasText(token, "'token' must not be blank");
		this.token = token.strip();
		return this;
	}

	@Override
	public AssistantsClient.Builder baseUrl(String baseUrl) {
		this.baseUrl = validBaseUrl(baseUrl);
		return this;
	}

	/**
	 * Checks a base URL and removes its trailing slashes.
	 * @throws IllegalArgumentException if it is not an absolute http or https URL with a host
	 */
	static String validBaseUrl(@Nullable String baseUrl) {
		Assert.hasText(baseUrl, "'baseUrl' must not be blank");
		URI uri;
		try {
			uri = new URI(baseUrl.strip());
		}
		catch (URISyntaxException ex) {
			// The reason and index only: the input itself may hold credentials.
			throw new IllegalArgumentException(
					"'baseUrl' is not a valid URL: " + ex.getReason() + " at index " + ex.getIndex(), ex);
		}
		String authority = uri.getRawAuthority();
		// Checked first, so that no later message quotes a URL with a password in it.
		Assert.isTrue(authority == null || !authority.contains("@"),
				"'baseUrl' must not hold credentials; the token is sent in a header, set it with token(..)");
		boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
		// The authority rather than getHost(): java.net.URI finds no host in names such as "assistants_api",
		// which container networks use.
		Assert.isTrue(http && authority != null && !authority.isBlank(),
				() -> "'baseUrl' must be an absolute http or https URL with a host, such as "
						+ DEFAULT_BASE_URL + ", but was '" + baseUrl + "'");
		Assert.isTrue(uri.getRawQuery() == null && uri.getRawFragment() == null,
				"'baseUrl' must not have a query or fragment; use defaultQueryParam for query parameters");
		String normalized = uri.toString();
		while (normalized.endsWith("/")) {
			normalized = normalized.substring(0, normalized.length() - 1);
		}
		return normalized;
	}

	@Override
	public AssistantsClient.Builder authHeader(AuthHeaderStyle style) {
		Assert.notNull(style, "'style' must not be null");
		this.authHeader = style;
		return this;
	}

	@Override
	public AssistantsClient.Builder betaHeader(@Nullable String value) {
		this.betaHeader = (value == null || value.isBlank()) ? null : value.strip();
		return this;
	}

	@Override
	public AssistantsClient.Builder organization(@Nullable String organization) {
		this.organization = (organization == null || organization.isBlank()) ? null : organization.strip();
		return this;
	}

	@Override
	public AssistantsClient.Builder project(@Nullable String project) {
		this.project = (project == null || project.isBlank()) ? null : project.strip();
		return this;
	}

	@Override
	public AssistantsClient.Builder defaultHeader(String name, String value) {
		Assert.hasText(name, "'name' must not be blank");
		Assert.notNull(value, "'value' must not be null");
		this.headers.put(name, value);
		return this;
	}

	@Override
	public AssistantsClient.Builder defaultQueryParam(String name, String value) {
		Assert.hasText(name, "'name' must not be blank");
		Assert.notNull(value, "'value' must not be null");
		this.queryParams.put(name, value);
		return this;
	}

	@Override
	public AssistantsClient.Builder connectTimeout(Duration timeout) {
		this.connectTimeout = positive(timeout, "connectTimeout");
		return this;
	}

	@Override
	public AssistantsClient.Builder responseTimeout(Duration timeout) {
		this.responseTimeout = positive(timeout, "responseTimeout");
		return this;
	}

	@Override
	public AssistantsClient.Builder streamIdleTimeout(Duration timeout) {
		this.streamIdleTimeout = positive(timeout, "streamIdleTimeout");
		return this;
	}

	@Override
	public AssistantsClient.Builder maxInMemorySize(int bytes) {
		Assert.isTrue(bytes > 0, () -> "'maxInMemorySize' must be positive but was " + bytes);
		this.maxInMemorySize = bytes;
		return this;
	}

	@Override
	public AssistantsClient.Builder maxRetries(int maxRetries) {
		Assert.isTrue(maxRetries >= 0, () -> "'maxRetries' must not be negative but was " + maxRetries);
		this.maxRetries = maxRetries;
		return this;
	}

	@Override
	public AssistantsClient.Builder initialBackoff(Duration backoff) {
		this.initialBackoff = positive(backoff, "initialBackoff");
		return this;
	}

	@Override
	public AssistantsClient.Builder maxBackoff(Duration backoff) {
		this.maxBackoff = positive(backoff, "maxBackoff");
		return this;
	}

	@Override
	public AssistantsClient.Builder maxRetryAfter(Duration maxRetryAfter) {
		Assert.notNull(maxRetryAfter, "'maxRetryAfter' must not be null");
		Assert.isTrue(!maxRetryAfter.isNegative(),
				() -> "'maxRetryAfter' must not be negative but was " + maxRetryAfter);
		this.maxRetryAfter = maxRetryAfter;
		return this;
	}

	@Override
	public AssistantsClient.Builder pollInterval(Duration interval) {
		this.pollInterval = positive(interval, "pollInterval");
		return this;
	}

	@Override
	public AssistantsClient.Builder pollTimeout(Duration timeout) {
		this.pollTimeout = positive(timeout, "pollTimeout");
		return this;
	}

	@Override
	public AssistantsClient.Builder webClientBuilder(WebClient.Builder webClientBuilder) {
		Assert.notNull(webClientBuilder, "'webClientBuilder' must not be null");
		this.webClientBuilder = webClientBuilder;
		return this;
	}

	@Override
	public AssistantsClient.Builder clientConnector(ClientHttpConnector connector) {
		Assert.notNull(connector, "'connector' must not be null");
		this.clientConnector = connector;
		return this;
	}

	@Override
	public AssistantsClient.Builder observationRegistry(ObservationRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.observationRegistry = registry;
		return this;
	}

	@Override
	public AssistantsClient.Builder observationConvention(AssistantsObservationConvention convention) {
		Assert.notNull(convention, "'convention' must not be null");
		this.observationConvention = convention;
		return this;
	}

	@Override
	public AssistantsClient.Builder apply(Consumer<AssistantsClient.Builder> customizer) {
		Assert.notNull(customizer, "'customizer' must not be null");
		customizer.accept(this);
		return this;
	}

	@Override
	public AssistantsClient build() {
		Assert.state(this.token != null, "A token is required: call token(..) before build()");
		ClientSettings settings = new ClientSettings(ClientSettings.credential(this.authHeader, this.token),
				this.baseUrl, this.authHeader, this.betaHeader,
				this.organization, this.project, Collections.unmodifiableMap(new LinkedHashMap<>(this.headers)),
				Collections.unmodifiableMap(new LinkedHashMap<>(this.queryParams)),
				this.connectTimeout, this.responseTimeout, this.streamIdleTimeout, this.maxInMemorySize,
				this.maxRetries, this.initialBackoff, this.maxBackoff, this.maxRetryAfter, this.pollInterval,
				this.pollTimeout, this.webClientBuilder, this.clientConnector, this.observationRegistry,
				this.observationConvention);
		return new DefaultAssistantsClient(settings);
	}

	private static Duration positive(@Nullable Duration duration, String name) {
		Assert.notNull(duration, () -> "'" + name + "' must not be null");
		Assert.isTrue(!duration.isNegative() && !duration.isZero(),
				() -> "'" + name + "' must be positive but was " + duration);
		return duration;
	}

	@Override
	public String toString() {
		return "AssistantsClient.Builder[baseUrl=" + this.baseUrl + ", token=" + ((this.token != null) ? "(set)" : "(none)")
				+ "]";
	}

}
