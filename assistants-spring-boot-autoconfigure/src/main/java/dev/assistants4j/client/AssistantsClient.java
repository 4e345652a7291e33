package dev.assistants4j.client;

import java.time.Duration;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.client.observation.AssistantsObservationConvention;
import dev.assistants4j.client.observation.AssistantsObservationDocumentation;

/**
 * Reactive client of the OpenAI Assistants API v2 and of compatible servers. Every operation returns a
 * {@code Mono} or {@code Flux} that does nothing until subscribed, never blocks, and aborts its HTTP
 * exchange when cancelled. Errors are signalled as {@link AssistantsException} subclasses.
 *
 * <p>Instances are immutable and thread-safe; create one with {@link #builder()}, or inject the bean that
 * the Spring Boot starter configures from {@code openai.assistants.*}.
 */
public interface AssistantsClient {

	/**
	 * Operations on assistants.
	 * @return the assistants operations
	 */
	AssistantOperations assistants();

	/**
	 * Operations on threads.
	 * @return the threads operations
	 */
	ThreadOperations threads();

	/**
	 * Operations on the messages of a thread.
	 * @return the messages operations
	 */
	MessageOperations messages();

	/**
	 * Operations on the runs of a thread.
	 * @return the runs operations
	 */
	RunOperations runs();

	/**
	 * Operations on the steps of a run.
	 * @return the run steps operations
	 */
	RunStepOperations runSteps();

	/**
	 * Operations on files: uploads and their content.
	 * @return the files operations
	 */
	FileOperations files();

	/**
	 * Operations on vector stores.
	 * @return the vector stores operations
	 */
	VectorStoreOperations vectorStores();

	/**
	 * Operations on the files of a vector store.
	 * @return the vector store files operations
	 */
	VectorStoreFileOperations vectorStoreFiles();

	/**
	 * Operations on batches of files added to a vector store together.
	 * @return the file batches operations
	 */
	VectorStoreFileBatchOperations vectorStoreFileBatches();

	/**
	 * Returns a builder holding this client's settings, to build a client that differs in some of them.
	 * @return a new builder
	 */
	Builder mutate();

	/**
	 * Starts building a client.
	 * @return a new builder
	 */
	static Builder builder() {
		return new DefaultAssistantsClientBuilder();
	}

	/**
	 * Mutable builder of an {@link AssistantsClient}. Every setter validates its argument at once and throws
	 * {@link IllegalArgumentException} naming it.
	 */
	interface Builder {

		/**
		 * Sets the API token (required).
		 * @param token the token, never blank
		 * @return this builder
		 */
		Builder token(String token);

		/**
		 * Sets the base URL of the server, such as {@code https://api.openai.com/v1} (the default).
		 * @param baseUrl an absolute http or https URL
		 * @return this builder
		 */
		Builder baseUrl(String baseUrl);

		/**
		 * Sets how the token is sent; {@link AuthHeaderStyle#BEARER} by default.
		 * @param style the header style
		 * @return this builder
		 */
		Builder authHeader(AuthHeaderStyle style);

		/**
		 * Sets the value of the {@code OpenAI-Beta} header, {@code assistants=v2} by default.
		 * @param value the header value, or {@code null} or empty to send no such header
		 * @return this builder
		 */
		Builder betaHeader(@Nullable String value);

		/**
		 * Sets the {@code OpenAI-Organization} header.
		 * @param organization the organization id, or {@code null} for none
		 * @return this builder
		 */
		Builder organization(@Nullable String organization);

		/**
		 * Sets the {@code OpenAI-Project} header.
		 * @param project the project id, or {@code null} for none
		 * @return this builder
		 */
		Builder project(@Nullable String project);

		/**
		 * Adds a header to every request, replacing a default header of the same name.
		 * @param name the header name
		 * @param value the header value
		 * @return this builder
		 */
		Builder defaultHeader(String name, String value);

		/**
		 * Adds a query parameter to every request, such as Azure's {@code api-version}.
		 * @param name the parameter name
		 * @param value the parameter value
		 * @return this builder
		 */
		Builder defaultQueryParam(String name, String value);

		/**
		 * Sets how long establishing a connection may take; 10 seconds by default.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		Builder connectTimeout(Duration timeout);

		/**
		 * Sets how long the server may stay silent while answering a request; 60 seconds by default.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		Builder responseTimeout(Duration timeout);

		/**
		 * Sets how long a stream may stay silent between two events; 60 seconds by default.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		Builder streamIdleTimeout(Duration timeout);

		/**
		 * Sets the largest JSON body held in memory; 16 MB by default.
		 * @param bytes a positive number of bytes
		 * @return this builder
		 */
		Builder maxInMemorySize(int bytes);

		/**
		 * Sets how many times a failed request is retried; 2 by default, 0 disables retries.
		 * @param maxRetries zero or more
		 * @return this builder
		 */
		Builder maxRetries(int maxRetries);

		/**
		 * Sets the delay before the first retry when the server does not ask for one; 500 ms by default.
		 * @param backoff a positive duration
		 * @return this builder
		 */
		Builder initialBackoff(Duration backoff);

		/**
		 * Sets the longest delay between two retries when the server does not ask for one; 8 s by default.
		 * @param backoff a positive duration
		 * @return this builder
		 */
		Builder maxBackoff(Duration backoff);

		/**
		 * Sets the longest {@code Retry-After} honoured; a server asking for more fails the request at once.
		 * 120 seconds by default.
		 * @param maxRetryAfter zero or a positive duration
		 * @return this builder
		 */
		Builder maxRetryAfter(Duration maxRetryAfter);

		/**
		 * Sets the delay between two polls of a run or file batch; 1 second by default. The server's
		 * {@code openai-poll-after-ms} header overrides it.
		 * @param interval a positive duration
		 * @return this builder
		 */
		Builder pollInterval(Duration interval);

		/**
		 * Sets how long polling may last in all before it fails; 10 minutes by default.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		Builder pollTimeout(Duration timeout);

		/**
		 * Starts from a copy of this {@code WebClient.Builder} (its filters, codecs and observation
		 * registry); the builder given is never changed.
		 * @param webClientBuilder the builder to copy
		 * @return this builder
		 */
		Builder webClientBuilder(WebClient.Builder webClientBuilder);

		/**
		 * Uses this connector instead of the Reactor Netty connector the client creates. The connect timeout
		 * is then the connector's own; the response timeout is still applied to each request when the
		 * connector is Reactor Netty's, and is the connector's own read timeout otherwise. The Spring Boot
		 * starter builds the connector with Boot's {@code ClientHttpConnectorBuilder}, passing both timeouts.
		 * @param connector the HTTP connector
		 * @return this builder
		 */
		Builder clientConnector(ClientHttpConnector connector);

		/**
		 * Observes every operation in this registry as {@code assistants4j.client.operation} (see
		 * {@link AssistantsObservationDocumentation}), around its retries and as a child of the observation in
		 * the subscriber's Reactor context. When the client creates its own {@code WebClient.Builder}, each
		 * attempt is also observed there as {@code http.client.requests}; a builder given to
		 * {@link #webClientBuilder} keeps its own registry. Defaults to {@link ObservationRegistry#NOOP}; the
		 * Spring Boot starter sets the application's registry.
		 * @param registry the observation registry
		 * @return this builder
		 */
		Builder observationRegistry(ObservationRegistry registry);

		/**
		 * Names and tags the observations with this convention instead of
		 * {@link dev.assistants4j.client.observation.DefaultAssistantsObservationConvention}.
		 * @param convention the convention
		 * @return this builder
		 */
		Builder observationConvention(AssistantsObservationConvention convention);

		/**
		 * Applies a customization to this builder.
		 * @param customizer what to change
		 * @return this builder
		 */
		Builder apply(Consumer<Builder> customizer);

		/**
		 * Builds the client.
		 * @return a new client
		 * @throws IllegalStateException if no token was set
		 */
		AssistantsClient build();

	}

}
