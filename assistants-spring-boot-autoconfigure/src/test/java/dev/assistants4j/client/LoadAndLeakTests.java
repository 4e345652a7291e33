package dev.assistants4j.client;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import dev.assistants4j.model.run.CreateRunRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client under load against a Reactor Netty stub on loopback, with the pool settings of the client's own
 * connector: many requests in flight complete, cancelled streams give their connections back and end on the
 * server, and the heap does not grow with the number of calls. Tagged {@code load}: exclude it locally with
 * {@code -DexcludedGroups=load}.
 */
@Tag("load")
class LoadAndLeakTests {

	private static final Log logger = LogFactory.getLog(LoadAndLeakTests.class);

	private static final int REQUESTS = 20_000;

	private static final int IN_FLIGHT = 512;

	private static final int STREAMS = 1_000;

	private static final byte[] ASSISTANT = AssistantsStubs.assistant("asst_load").getBytes(StandardCharsets.UTF_8);

	private static final String RUN_CREATED = """
			event: thread.run.created
			data: {"id":"run_load","object":"thread.run","thread_id":"thread_load","assistant_id":"asst_load",\
			"status":"queued"}

			""";

	private static final String DELTA = """
			event: thread.message.delta
			data: {"id":"msg_load","object":"thread.message.delta","delta":{"content":[{"index":0,"type":"text",\
			"text":{"value":"x"}}]}}

			""";

	private static final AtomicInteger openConnections = new AtomicInteger();

	private static final AtomicInteger runningStreams = new AtomicInteger();

	private static final Map<SocketAddress, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();

	private static DisposableServer server;

	private static ConnectionProvider pool;

	private static AssistantsClient client;

	@BeforeAll
	static void start() {
		server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnConnection((connection) -> {
				openConnections.incrementAndGet();
				connection.onDispose(openConnections::decrementAndGet);
			})
			.route((routes) -> routes
				.get("/v1/assistants/{id}", (request, response) -> response.header("Content-Type", "application/json")
					.sendByteArray(Mono.just(ASSISTANT)))
				// Events every 20 ms, without end: only the client's cancellation stops a stream.
				.post("/v1/threads/{id}/runs", (request, response) -> request.receive()
					.then()
					.thenMany(response.header("Content-Type", "text/event-stream")
						.send(Flux.concat(Flux.just(RUN_CREATED),
								Flux.interval(Duration.ofMillis(20)).map((tick) -> DELTA))
							.doOnSubscribe((subscription) -> runningStreams.incrementAndGet())
							.doFinally((signal) -> runningStreams.decrementAndGet())
							.map((event) -> bytes(response.alloc().buffer(), event)), (buffer) -> true))))
			.bindNow();
		pool = DefaultAssistantsClient.connectionPool("load-test")
			.metrics(true, () -> (name, id, address, metrics) -> pools.put(address, metrics))
			.build();
		client = AssistantsClient.builder()
			.token("sk-load")
			.baseUrl("http://127.0.0.1:" + server.port() + "/v1")
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
			.build();
	}

	private static ByteBuf bytes(ByteBuf buffer, String text) {
		buffer.writeCharSequence(text, StandardCharsets.UTF_8);
		return buffer;
	}

	@AfterAll
	static void stop() {
		pool.disposeLater().block(Duration.ofSeconds(10));
		server.disposeNow();
	}

	@Test
	void completesTwentyThousandRequestsWithFiveHundredTwelveInFlight() {
		long usedBefore = usedHeapAfterGc();
		Peak peak = new Peak();
		Disposable sampler = Flux.interval(Duration.ofMillis(5)).subscribe((tick) -> peak.sample());
		long start = System.nanoTime();
		StepVerifier.create(Flux.range(0, REQUESTS)
			.flatMap((i) -> client.assistants().retrieve("asst_" + i), IN_FLIGHT)
			.count()).expectNext((long) REQUESTS).expectComplete().verify(Duration.ofSeconds(60));
		double seconds = (System.nanoTime() - start) / 1e9;
		sampler.dispose();
		long usedAfter = usedHeapAfterGc();
		logger.info(String.format("%d requests, %d in flight: %.1f s, %.0f requests/s; pool max %d (limit %d), "
				+ "pending max %d (limit %d); heap after GC %d MB -> %d MB", REQUESTS, IN_FLIGHT, seconds,
				REQUESTS / seconds, peak.allocated, metrics().maxAllocatedSize(), peak.pending,
				metrics().maxPendingAcquireSize(), usedBefore >> 20, usedAfter >> 20));
		assertThat(metrics().maxAllocatedSize()).isEqualTo(DefaultAssistantsClient.MAX_CONNECTIONS);
		assertThat(peak.allocated).isLessThanOrEqualTo(DefaultAssistantsClient.MAX_CONNECTIONS).isGreaterThan(16);
		await().atMost(Duration.ofSeconds(10)).until(() -> metrics().acquiredSize() == 0);
		assertThat(usedAfter - usedBefore).isLessThan(64L << 20);
	}

	@Test
	void cancelledStreamsReleaseTheirConnectionsAndEndOnTheServer() {
		long usedBefore = usedHeapAfterGc();
		CreateRunRequest request = CreateRunRequest.builder("asst_load").build();
		AtomicInteger received = new AtomicInteger();
		StepVerifier.create(Flux.range(0, STREAMS)
			// Cancelled mid-way: take(3) cancels each stream after its third event, the server still sending.
			.flatMap((i) -> client.runs()
				.createStream("thread_" + i, request)
				.take(3)
				.doOnNext((event) -> received.incrementAndGet()), 250)
			.then()).expectComplete().verify(Duration.ofSeconds(60));
		assertThat(received).hasValue(3 * STREAMS);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(metrics().acquiredSize()).isZero());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(runningStreams).hasValue(0));
		long usedAfter = usedHeapAfterGc();
		logger.info(String.format("%d streams cancelled: pool acquired %d, allocated %d, idle %d; server streams "
				+ "running %d, connections open %d; heap after GC %d MB -> %d MB", STREAMS, metrics().acquiredSize(),
				metrics().allocatedSize(), metrics().idleSize(), runningStreams.get(), openConnections.get(),
				usedBefore >> 20, usedAfter >> 20));
		assertThat(usedAfter - usedBefore).isLessThan(64L << 20);
	}

	private static ConnectionPoolMetrics metrics() {
		assertThat(pools).hasSize(1);
		return pools.values().iterator().next();
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	/**
	 * The highest pool figures seen while the load runs.
	 */
	private static final class Peak {

		private volatile int allocated;

		private volatile int pending;

		void sample() {
			if (pools.isEmpty()) {
				return;
			}
			ConnectionPoolMetrics metrics = metrics();
			this.allocated = Math.max(this.allocated, metrics.allocatedSize());
			this.pending = Math.max(this.pending, metrics.pendingAcquireSize());
		}

	}

}
