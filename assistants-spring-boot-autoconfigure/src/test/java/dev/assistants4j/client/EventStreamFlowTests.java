package dev.assistants4j.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import dev.assistants4j.stream.SseEvent;

import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed call against a server that writes each event when the test lets it: events reach the
 * subscriber as they are written, a stall ends in the idle timeout, and cancelling closes the connection.
 */
class EventStreamFlowTests {

	private static final String RUN_CREATED = "event: thread.run.created\ndata: {\"id\":\"run_1\"}\n\n";

	private static final String RUN_COMPLETED = "event: thread.run.completed\ndata: {\"id\":\"run_1\"}\n\n";

	private static final String DONE = "event: done\ndata: [DONE]\n\n";

	private final AtomicInteger requests = new AtomicInteger();

	private final Sinks.Empty<Void> connectionClosed = Sinks.empty();

	private DisposableServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.disposeNow();
		}
	}

	/**
	 * Starts a server whose answer to the n-th request, counted from 1, is the body the function returns.
	 */
	private void serve(IntFunction<Publisher<String>> body) {
		this.server = HttpServer.create().host("localhost").port(0).handle((request, response) -> {
			int attempt = this.requests.incrementAndGet();
			request.withConnection((connection) -> connection.onDispose(this.connectionClosed::tryEmitEmpty));
			return response.header("Content-Type", "text/event-stream").sendString(body.apply(attempt));
		}).bindNow();
	}

	private AssistantsClient.Builder client() {
		return AssistantsClient.builder()
			.token(TOKEN)
			.baseUrl("http://localhost:" + this.server.port() + "/v1")
			.initialBackoff(Duration.ofMillis(1))
			.maxBackoff(Duration.ofMillis(2));
	}

	private static Flux<SseEvent> stream(AssistantsClient.Builder client) {
		return ((DefaultAssistantsClient) client.build()).transport()
			.stream("/threads/{thread_id}/runs", Map.of("assistant_id", "asst_1"), "thread_1");
	}

	private Flux<SseEvent> stream(Duration idleTimeout) {
		return stream(client().streamIdleTimeout(idleTimeout));
	}

	@Test
	void firstEventReachesTheSubscriberBeforeTheServerHasWrittenTheNext() {
		Sinks.Empty<Void> writeTheRest = Sinks.empty();
		serve((attempt) -> Flux.concat(Mono.just(RUN_CREATED),
				writeTheRest.asMono().thenMany(Flux.just(RUN_COMPLETED, DONE))));
		// Were events held back until the end of the body, the first would never come: the rest waits for it.
		StepVerifier.create(stream(Duration.ofSeconds(30)).map(SseEvent::event))
			.expectNext("thread.run.created")
			.then(writeTheRest::tryEmitEmpty)
			.expectNext("thread.run.completed")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void cancellingTheSubscriptionClosesTheConnection() {
		serve((attempt) -> Flux.concat(Mono.just(RUN_CREATED), Flux.never()));
		StepVerifier.create(stream(Duration.ofSeconds(30)))
			.expectNextCount(1)
			.thenCancel()
			.verify(TIMEOUT);
		StepVerifier.create(this.connectionClosed.asMono()).expectComplete().verify(TIMEOUT);
	}

	@Test
	void doneClosesTheConnectionOfAServerThatKeepsItOpen() {
		serve((attempt) -> Flux.concat(Mono.just(RUN_CREATED + DONE), Flux.never()));
		StepVerifier.create(stream(Duration.ofSeconds(30))).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.connectionClosed.asMono()).expectComplete().verify(TIMEOUT);
	}

	@Test
	void aBodyThatEndsRightAfterDoneLeavesItsConnectionOpenForTheNextStream() {
		Set<Object> connections = ConcurrentHashMap.newKeySet();
		this.server = HttpServer.create().host("localhost").port(0).handle((request, response) -> {
			this.requests.incrementAndGet();
			request.withConnection((connection) -> {
				connections.add(connection.channel().id());
				connection.onDispose(this.connectionClosed::tryEmitEmpty);
			});
			return response.header("Content-Type", "text/event-stream").sendString(Flux.just(RUN_CREATED, DONE));
		}).bindNow();
		DefaultAssistantsClient client = (DefaultAssistantsClient) client().build();
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(client.transport()
				.stream("/threads/{thread_id}/runs", Map.of("assistant_id", "asst_1"), "thread_1")
				.map(SseEvent::event)).expectNext("thread.run.created").expectComplete().verify(TIMEOUT);
			// The subscriber completes at done, the connection goes back to the pool once the body has ended.
			StepVerifier.create(this.connectionClosed.asMono())
				.expectSubscription()
				.expectNoEvent(Duration.ofMillis(300))
				.thenCancel()
				.verify(TIMEOUT);
		}
		assertThat(this.requests).hasValue(2);
		assertThat(connections).as("connections the two streams came over").hasSize(1);
	}

	@Test
	void stallAfterAnEventFailsWithTheIdleTimeoutAndIsNotRetried() {
		serve((attempt) -> Flux.concat(Mono.just(RUN_CREATED), Flux.never()));
		StepVerifier.create(stream(Duration.ofMillis(300)).map(SseEvent::event))
			.expectNext("thread.run.created")
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(AssistantsTransportException.class)
				.hasMessageContaining("POST /threads/{thread_id}/runs")
				.hasMessageContaining("stream-idle-timeout")
				.hasMessageContaining("300 ms"))
			.verify(TIMEOUT);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void keepAliveCommentsDoNotHoldOffTheIdleTimeout() {
		serve((attempt) -> Flux.concat(Mono.just(RUN_CREATED),
				Flux.interval(Duration.ofMillis(50)).map((tick) -> ": keep-alive\n\n")));
		StepVerifier.create(stream(Duration.ofMillis(400)).map(SseEvent::event))
			.expectNext("thread.run.created")
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(AssistantsTransportException.class)
				.hasMessageContaining("stream-idle-timeout"))
			.verify(TIMEOUT);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void stallBeforeTheFirstEventIsRetried() {
		serve((attempt) -> (attempt == 1) ? Flux.never() : Flux.just(RUN_CREATED, DONE));
		StepVerifier.create(stream(Duration.ofMillis(300)).map(SseEvent::event))
			.expectNext("thread.run.created")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void connectionLostAfterAnEventFailsWithoutRetry() {
		serve((attempt) -> Flux.concat(Mono.just(RUN_CREATED), Mono.error(new IOException("gone"))));
		StepVerifier.create(stream(Duration.ofSeconds(30)).map(SseEvent::event))
			.expectNext("thread.run.created")
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(AssistantsTransportException.class)
				.hasMessageContaining("POST /threads/{thread_id}/runs"))
			.verify(TIMEOUT);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void slowEventsWithinTheIdleTimeoutOutliveTheResponseTimeout() {
		serve((attempt) -> Flux.concat(Mono.just(RUN_CREATED),
				Mono.delay(Duration.ofMillis(600)).thenMany(Flux.just(RUN_COMPLETED, DONE))));
		Flux<SseEvent> stream = stream(
				client().responseTimeout(Duration.ofMillis(200)).streamIdleTimeout(Duration.ofSeconds(5)));
		StepVerifier.create(stream.map(SseEvent::event))
			.expectNext("thread.run.created", "thread.run.completed")
			.expectComplete()
			.verify(TIMEOUT);
	}

}
