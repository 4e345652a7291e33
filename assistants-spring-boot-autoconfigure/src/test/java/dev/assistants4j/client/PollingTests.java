package dev.assistants4j.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpResponse;

import dev.assistants4j.client.InMemoryServer.Exchange;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileBatchRequest;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.CreateVectorStoreRequest;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileBatch;
import dev.assistants4j.model.vectorstore.VectorStoreFileErrorCode;
import dev.assistants4j.model.vectorstore.VectorStoreFileStatus;
import dev.assistants4j.model.vectorstore.VectorStoreStatus;

import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.InMemoryServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code …AndPoll} helpers under virtual time, against a server in memory: polling intervals, the
 * server's poll-after hint, the deadline, and the batching of uploads.
 */
class PollingTests {

	private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]+)\"");

	private final JsonMapper mapper = AssistantsJson.newMapper();

	private static String vectorStoreFile(String status, String lastError) {
		return """
				{"id":"file-1","object":"vector_store.file","vector_store_id":"vs_1","status":"%s","last_error":%s}"""
			.formatted(status, lastError);
	}

	private static String batch(String id, String status) {
		return """
				{"id":"%s","object":"vector_store.files_batch","vector_store_id":"vs_1","status":"%s"}"""
			.formatted(id, status);
	}

	private static String uploaded(Exchange upload) {
		Matcher filename = FILENAME.matcher(upload.body());
		assertThat(filename.find()).isTrue();
		return "{\"id\":\"file-" + filename.group(1) + "\",\"object\":\"file\",\"purpose\":\"assistants\"}";
	}

	private static List<Long> timesOf(InMemoryServer server, HttpMethod method, String path) {
		return server.exchanges((exchange) -> exchange.is(method, path)).stream().map(Exchange::at).toList();
	}

	@Test
	void uploadAndPollUploadsFiveAtATimeAndSplits250FilesIntoBatchesOf100And100And50() {
		SlowUploads uploadsTakingASecond = new SlowUploads();
		AtomicInteger batches = new AtomicInteger();
		InMemoryServer server = new InMemoryServer((exchange) -> {
			if (exchange.is(HttpMethod.POST, "/v1/files")) {
				return uploadsTakingASecond.answer(exchange);
			}
			if (exchange.is(HttpMethod.POST, "/v1/vector_stores/vs_1/file_batches")) {
				return json(batch("vsfb_" + batches.incrementAndGet(), "in_progress"));
			}
			String batchId = exchange.path().substring(exchange.path().lastIndexOf('/') + 1);
			return json(batch(batchId, "completed"));
		});
		List<FileUpload> uploads = IntStream.rangeClosed(1, 250)
			.mapToObj((i) -> FileUpload.of(("document " + i).getBytes(StandardCharsets.UTF_8), i + ".txt"))
			.toList();
		StepVerifier.withVirtualTime(() -> server.client().build().vectorStoreFileBatches().uploadAndPoll("vs_1", uploads))
			.thenAwait(Duration.ofMinutes(5))
			.assertNext((batch) -> assertThat(batch).isEqualTo(completedBatch("vsfb_1")))
			.assertNext((batch) -> assertThat(batch).isEqualTo(completedBatch("vsfb_2")))
			.assertNext((batch) -> assertThat(batch).isEqualTo(completedBatch("vsfb_3")))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(uploadsTakingASecond.mostAtOnce).hasValue(5);
		// Five at a time, a second each: the last five start 49 seconds in.
		assertThat(timesOf(server, HttpMethod.POST, "/v1/files")).hasSize(250).last().isEqualTo(49_000L);
		List<List<String>> fileIds = new ArrayList<>();
		for (Exchange create : server
			.exchanges((exchange) -> exchange.is(HttpMethod.POST, "/v1/vector_stores/vs_1/file_batches"))) {
			JsonNode body = this.mapper.readTree(create.body());
			assertThat(body.propertyNames()).containsExactly("file_ids");
			fileIds.add(body.get("file_ids").valueStream().map(JsonNode::stringValue).toList());
		}
		assertThat(fileIds).extracting(List::size).containsExactly(100, 100, 50);
		Set<String> everyId = new HashSet<>();
		fileIds.forEach(everyId::addAll);
		assertThat(everyId).hasSize(250)
			.containsAll(IntStream.rangeClosed(1, 250).mapToObj((i) -> "file-" + i + ".txt").toList());
	}

	private static VectorStoreFileBatch completedBatch(String id) {
		return new VectorStoreFileBatch(id, "vector_store.files_batch", null, "vs_1",
				VectorStoreFileStatus.COMPLETED, null);
	}

	@Test
	void uploadAndPollHonoursTheGivenConcurrency() {
		SlowUploads uploadsTakingASecond = new SlowUploads();
		InMemoryServer server = new InMemoryServer((exchange) -> exchange.is(HttpMethod.POST, "/v1/files")
				? uploadsTakingASecond.answer(exchange) : json(batch("vsfb_1", "completed")));
		List<FileUpload> uploads = IntStream.rangeClosed(1, 7)
			.mapToObj((i) -> FileUpload.of(new byte[] { (byte) i }, i + ".txt"))
			.toList();
		StepVerifier
			.withVirtualTime(() -> server.client().build().vectorStoreFileBatches().uploadAndPoll("vs_1", uploads, 2))
			.thenAwait(Duration.ofSeconds(4))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(uploadsTakingASecond.mostAtOnce).hasValue(2);
		assertThat(timesOf(server, HttpMethod.POST, "/v1/files")).containsExactly(0L, 0L, 1000L, 1000L, 2000L,
				2000L, 3000L);
	}

	@Test
	void fileStuckInProgressEndsAtThePollTimeoutWithTheLastFileSeen() {
		InMemoryServer server = new InMemoryServer((exchange) -> json(vectorStoreFile("in_progress", "null")));
		CreateVectorStoreFileRequest request = CreateVectorStoreFileRequest.of("file-1");
		StepVerifier
			.withVirtualTime(() -> server.client().build().vectorStoreFiles().createAndPoll("vs_1", request))
			.expectSubscription()
			.expectNoEvent(Duration.ofMinutes(10).minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> assertThat(error)
				.isInstanceOfSatisfying(AssistantsPollTimeoutException.class, (timeout) -> {
					assertThat(timeout).hasMessage("Gave up polling Vector store file file-1 in vs_1 after 10m: its "
							+ "last status was in_progress. Raise openai.assistants.poll.timeout "
							+ "(AssistantsClient.Builder.pollTimeout) to wait longer.");
					assertThat(timeout.timeout()).isEqualTo(Duration.ofMinutes(10));
					assertThat(timeout.lastSeen(VectorStoreFile.class).status())
						.isEqualTo(VectorStoreFileStatus.IN_PROGRESS);
					assertThat(timeout.lastSeen(VectorStoreFileBatch.class)).isNull();
				}))
			.verify(TIMEOUT);
		// Created at 0, then polled every second until the deadline cut the 600th poll.
		List<Long> polls = timesOf(server, HttpMethod.GET, "/v1/vector_stores/vs_1/files/file-1");
		assertThat(polls).hasSize(599).startsWith(1000L, 2000L).endsWith(599_000L);
		assertThat(timesOf(server, HttpMethod.POST, "/v1/vector_stores/vs_1/files")).containsExactly(0L);
	}

	@Test
	void batchStuckInProgressEndsAtAConfiguredPollTimeout() {
		InMemoryServer server = new InMemoryServer((exchange) -> json(batch("vsfb_1", "in_progress")));
		CreateVectorStoreFileBatchRequest request = CreateVectorStoreFileBatchRequest.of(List.of("file-1"));
		StepVerifier.withVirtualTime(() -> server.client()
			.pollInterval(Duration.ofSeconds(5))
			.pollTimeout(Duration.ofSeconds(30))
			.build()
			.vectorStoreFileBatches()
			.createAndPoll("vs_1", request))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(30).minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(AssistantsPollTimeoutException.class)
				.hasMessageStartingWith("Gave up polling File batch in vector store vs_1 after 30s: its last status "
						+ "was in_progress."))
			.verify(TIMEOUT);
		assertThat(timesOf(server, HttpMethod.GET, "/v1/vector_stores/vs_1/file_batches/vsfb_1"))
			.containsExactly(5000L, 10_000L, 15_000L, 20_000L, 25_000L);
	}

	@Test
	void failedFileIsReturnedWithItsLastError() {
		AtomicInteger polls = new AtomicInteger();
		InMemoryServer server = new InMemoryServer((exchange) -> {
			if (exchange.is(HttpMethod.POST, "/v1/files")) {
				return json(uploaded(exchange));
			}
			if (exchange.method() == HttpMethod.POST || polls.incrementAndGet() < 2) {
				return json(vectorStoreFile("in_progress", "null"));
			}
			return json(vectorStoreFile("failed", """
					{"code":"unsupported_file","message":"The file type image/tiff is not supported."}"""));
		});
		FileUpload scan = FileUpload.of(new byte[] { 0x49, 0x49 }, "1");
		StepVerifier.withVirtualTime(() -> server.client().build().vectorStoreFiles().uploadAndPoll("vs_1", scan))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1999))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((file) -> {
				assertThat(file.status()).isEqualTo(VectorStoreFileStatus.FAILED);
				assertThat(file.lastError()).isEqualTo(new VectorStoreFile.LastError(
						VectorStoreFileErrorCode.UNSUPPORTED_FILE, "The file type image/tiff is not supported."));
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(server.exchanges((exchange) -> exchange.is(HttpMethod.POST, "/v1/vector_stores/vs_1/files")))
			.singleElement()
			.satisfies((create) -> assertThat(this.mapper.readTree(create.body()))
				.isEqualTo(this.mapper.readTree("{\"file_id\":\"file-1\"}")));
	}

	@Test
	void serverPollAfterHintOverridesTheInterval() {
		AtomicInteger polls = new AtomicInteger();
		InMemoryServer server = new InMemoryServer((exchange) -> {
			if (exchange.method() == HttpMethod.POST) {
				return json("{\"id\":\"vs_1\",\"status\":\"in_progress\"}");
			}
			return switch (polls.incrementAndGet()) {
				case 1 -> json("{\"id\":\"vs_1\",\"status\":\"in_progress\"}", "openai-poll-after-ms", "5000");
				case 2 -> json("{\"id\":\"vs_1\",\"status\":\"in_progress\"}", "openai-poll-after-ms", "soon");
				default -> json("{\"id\":\"vs_1\",\"status\":\"completed\"}");
			};
		});
		CreateVectorStoreRequest request = CreateVectorStoreRequest.builder().name("Support FAQ").build();
		StepVerifier.withVirtualTime(() -> server.client().build().vectorStores().createAndPoll(request))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(6999))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((store) -> assertThat(store.status()).isEqualTo(VectorStoreStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		// The interval after the create, the server's 5 s after the first poll, the interval again after "soon".
		assertThat(timesOf(server, HttpMethod.GET, "/v1/vector_stores/vs_1")).containsExactly(1000L, 6000L, 7000L);
	}

	@Test
	void objectAlreadyFinishedWhenCreatedIsNotPolled() {
		InMemoryServer server = new InMemoryServer((exchange) -> json(batch("vsfb_1", "cancelled")));
		StepVerifier.withVirtualTime(() -> server.client()
			.build()
			.vectorStoreFileBatches()
			.createAndPoll("vs_1", CreateVectorStoreFileBatchRequest.of(List.of("file-1"))))
			.assertNext((batch) -> assertThat(batch.status()).isEqualTo(VectorStoreFileStatus.CANCELLED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(server.exchanges((exchange) -> true)).hasSize(1);
	}

	/**
	 * Answers each upload a second after it arrives, and counts how many were under way at once at most.
	 */
	private static final class SlowUploads {

		private final AtomicInteger underWay = new AtomicInteger();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		Mono<ClientHttpResponse> answer(Exchange upload) {
			this.mostAtOnce.accumulateAndGet(this.underWay.incrementAndGet(), Math::max);
			return Mono.delay(Duration.ofSeconds(1))
				.doOnNext((tick) -> this.underWay.decrementAndGet())
				.then(json(uploaded(upload)));
		}

	}

}
