package dev.assistants4j.client;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.http.HttpMethod;

import dev.assistants4j.client.observation.AssistantsObservationContext;
import dev.assistants4j.client.observation.AssistantsObservationConvention;
import dev.assistants4j.client.observation.AssistantsObservationDocumentation;
import dev.assistants4j.client.observation.DefaultAssistantsObservationConvention;

/**
 * Observes each operation once around all of its attempts, as a child of the observation in the subscriber's
 * Reactor context, and puts itself there so that the {@code WebClient}'s own observation of each attempt is a
 * child of it. Operations are named from their method and URI template, so that no resource has to say it.
 */
final class OperationObservations {

	private static final DefaultAssistantsObservationConvention DEFAULT_CONVENTION =
			new DefaultAssistantsObservationConvention();

	private static final Map<String, String> NAMES = new HashMap<>();

	static {
		crud("assistants", "/assistants", "/assistants/{assistant_id}");
		crud("threads", "/threads", "/threads/{thread_id}");
		name("threads.createAndRun", HttpMethod.POST, "/threads/runs");
		crud("messages", "/threads/{thread_id}/messages", "/threads/{thread_id}/messages/{message_id}");
		crud("runs", "/threads/{thread_id}/runs", "/threads/{thread_id}/runs/{run_id}");
		name("runs.cancel", HttpMethod.POST, "/threads/{thread_id}/runs/{run_id}/cancel");
		name("runs.submitToolOutputs", HttpMethod.POST, "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs");
		crud("runSteps", "/threads/{thread_id}/runs/{run_id}/steps", "/threads/{thread_id}/runs/{run_id}/steps/{step_id}");
		crud("files", "/files", "/files/{file_id}");
		name("files.upload", HttpMethod.POST, "/files");
		name("files.content", HttpMethod.GET, "/files/{file_id}/content");
		crud("vectorStores", "/vector_stores", "/vector_stores/{vector_store_id}");
		crud("vectorStoreFiles", "/vector_stores/{vector_store_id}/files",
				"/vector_stores/{vector_store_id}/files/{file_id}");
		crud("vectorStoreFileBatches", "/vector_stores/{vector_store_id}/file_batches",
				"/vector_stores/{vector_store_id}/file_batches/{batch_id}");
		name("vectorStoreFileBatches.cancel", HttpMethod.POST,
				"/vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel");
		name("vectorStoreFileBatches.listFiles", HttpMethod.GET,
				"/vector_stores/{vector_store_id}/file_batches/{batch_id}/files");
	}

	private final ObservationRegistry registry;

	private final @Nullable AssistantsObservationConvention convention;

	OperationObservations(ObservationRegistry registry, @Nullable AssistantsObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	// The five calls of a resource that has a collection and its members; a resource missing one never asks.
	private static void crud(String resource, String collection, String member) {
		name(resource + ".create", HttpMethod.POST, collection);
		name(resource + ".list", HttpMethod.GET, collection);
		name(resource + ".retrieve", HttpMethod.GET, member);
		name(resource + ".update", HttpMethod.POST, member);
		name(resource + ".delete", HttpMethod.DELETE, member);
	}

	private static void name(String operation, HttpMethod method, String template) {
		NAMES.put(method.name() + " " + template, operation);
	}

	/**
	 * Returns the name of the operation a request carries out, such as {@code runs.createStream}; a request no
	 * operation makes is named after its method and template, which are low-cardinality too.
	 */
	static String operation(HttpMethod method, String template, boolean streaming) {
		String key = method.name() + " " + template;
		String name = NAMES.getOrDefault(key, key);
		return streaming ? name + "Stream" : name;
	}

	/**
	 * Observes a single answer.
	 * @param call the operation, given the observed call to report statuses and retries to; without
	 * observations it is called once, when the operation is assembled, so its {@code Mono} must do its work
	 * on subscription
	 */
	<T> Mono<T> mono(HttpMethod method, String template, Function<ObservedCall, Mono<T>> call) {
		if (this.registry.isNoop()) {
			return call.apply(ObservedCall.NONE);
		}
		return Mono.deferContextual((view) -> {
			ObservedCall observed = start(view, method, template, false);
			return call.apply(observed)
				.doOnSuccess((value) -> observed.observation.stop())
				.doOnError(observed::error)
				.doOnCancel(observed::cancel)
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observed.observation));
		});
	}

	/**
	 * Observes a stream of events or bytes until it completes, fails or is cancelled.
	 * @param call the operation, given the observed call to report statuses and retries to
	 */
	<T> Flux<T> flux(HttpMethod method, String template, boolean streaming, Function<ObservedCall, Flux<T>> call) {
		if (this.registry.isNoop()) {
			return Flux.defer(() -> call.apply(ObservedCall.NONE));
		}
		return Flux.deferContextual((view) -> {
			ObservedCall observed = start(view, method, template, streaming);
			return call.apply(observed)
				.doOnComplete(observed.observation::stop)
				.doOnError(observed::error)
				.doOnCancel(observed::cancel)
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observed.observation));
		});
	}

	private ObservedCall start(ContextView view, HttpMethod method, String template, boolean streaming) {
		AssistantsObservationContext context = context(method, template, streaming);
		Observation observation = AssistantsObservationDocumentation.CLIENT_OPERATION.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.registry);
		Observation parent = view.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		// Without one in the Reactor context the registry's current observation stays the parent.
		if (parent != null) {
			observation.parentObservation(parent);
		}
		return new ObservedCall(context, observation.start());
	}

	private static AssistantsObservationContext context(HttpMethod method, String template, boolean streaming) {
		return new AssistantsObservationContext(operation(method, template, streaming), method.name(), template);
	}

	/**
	 * One subscription to an operation: what the transport tells its observation.
	 */
	static final class ObservedCall {

		/**
		 * The call of a client without observations: it records nothing, so one instance serves every call.
		 */
		static final ObservedCall NONE = new ObservedCall(null, Observation.NOOP);

		private final @Nullable AssistantsObservationContext context;

		private final Observation observation;

		private boolean started;

		ObservedCall(@Nullable AssistantsObservationContext context, Observation observation) {
			this.context = context;
			this.observation = observation;
		}

		/**
		 * Marks the start of an attempt; every attempt after the first is a retry.
		 */
		void attempt() {
			if (this.context == null) {
				return;
			}
			if (this.started) {
				this.context.retried();
				this.observation.event(AssistantsObservationDocumentation.RETRY);
			}
			this.started = true;
		}

		void status(int status) {
			if (this.context != null) {
				this.context.setStatus(status);
			}
		}

		private void error(Throwable ex) {
			if (ex instanceof AssistantsApiException apiException && this.context != null) {
				this.context.setStatus(apiException.statusCode());
			}
			this.observation.error(ex);
			this.observation.stop();
		}

		private void cancel() {
			if (this.context != null) {
				this.context.cancelled();
			}
			this.observation.stop();
		}

	}

}
