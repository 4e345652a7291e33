package dev.assistants4j.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.assistants4j.client.AuthHeaderStyle;

/**
 * Configuration properties of the auto-configured {@link dev.assistants4j.client.AssistantsClient}.
 */
@ConfigurationProperties("openai.assistants")
public class AssistantsProperties {

	/** API token; the client is auto-configured only when it is set, and a blank one fails start-up. */
	private @Nullable String token;

	/** Base URL of the OpenAI API or of any Assistants-v2-compatible server. */
	private String baseUrl = "https://api.openai.com/v1";

	/** Value of the OpenAI-Organization header; none when not set. */
	private @Nullable String organization;

	/** Value of the OpenAI-Project header; none when not set. */
	private @Nullable String project;

	/** Value of the OpenAI-Beta header; empty to send no such header. */
	private String betaHeader = "assistants=v2";

	/** How the token is sent: 'bearer' (Authorization: Bearer) or 'api-key' (Azure-style api-key header). */
	private AuthHeaderStyle authHeader = AuthHeaderStyle.BEARER;

	/** Extra headers sent with every request. */
	private final Map<String, String> headers = new LinkedHashMap<>();

	/** Extra query parameters added to every request, such as Azure's api-version. */
	private final Map<String, String> queryParams = new LinkedHashMap<>();

	/** How long establishing a connection may take. */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/** How long the server may stay silent while answering a request. */
	private Duration responseTimeout = Duration.ofSeconds(60);

	/** How long a streamed run may stay silent between two events before it fails. */
	private Duration streamIdleTimeout = Duration.ofSeconds(60);

	/** Largest JSON body held in memory. */
	private DataSize maxInMemorySize = DataSize.ofMegabytes(16);

	/** Retries of failed requests. */
	private final Retry retry = new Retry();

	/** Polling of runs, vector-store files and file batches. */
	private final Poll poll = new Poll();

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getOrganization() {
		return this.organization;
	}

	public void setOrganization(@Nullable String organization) {
		this.organization = organization;
	}

	public @Nullable String getProject() {
		return this.project;
	}

	public void setProject(@Nullable String project) {
		this.project = project;
	}

	public String getBetaHeader() {
		return this.betaHeader;
	}

	public void setBetaHeader(String betaHeader) {
		this.betaHeader = betaHeader;
	}

	public AuthHeaderStyle getAuthHeader() {
		return this.authHeader;
	}

	public void setAuthHeader(AuthHeaderStyle authHeader) {
		this.authHeader = authHeader;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public Map<String, String> getQueryParams() {
		return this.queryParams;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Duration getStreamIdleTimeout() {
		return this.streamIdleTimeout;
	}

	public void setStreamIdleTimeout(Duration streamIdleTimeout) {
		this.streamIdleTimeout = streamIdleTimeout;
	}

	public DataSize getMaxInMemorySize() {
		return this.maxInMemorySize;
	}

	public void setMaxInMemorySize(DataSize maxInMemorySize) {
		this.maxInMemorySize = maxInMemorySize;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Poll getPoll() {
		return this.poll;
	}

	/**
	 * Retries of failed requests: connection failures and statuses 408, 409, 429 and 5xx.
	 */
	public static class Retry {

		/** How many times a failed request is retried; 0 disables retries. */
		private int maxRetries = 2;

		/** Delay before the first retry when the server does not ask for one; it doubles on each retry. */
		private Duration initialBackoff = Duration.ofMillis(500);

		/** Longest delay between two retries when the server does not ask for one. */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/** Longest Retry-After honoured; a server asking for more fails the request at once. */
		private Duration maxRetryAfter = Duration.ofSeconds(120);

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * Polling of runs, vector-store files and file batches until they reach a state to act on.
	 */
	public static class Poll {

		/** Delay between two polls; the server's openai-poll-after-ms header overrides it. */
		private Duration interval = Duration.ofSeconds(1);

		/** How long polling may last in all before it fails. */
		private Duration timeout = Duration.ofMinutes(10);

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
