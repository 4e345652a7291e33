package dev.assistants4j.client;

import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.vectorstore.ChunkingStrategy;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileBatchRequest;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.FileCounts;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileListParams;
import dev.assistants4j.model.vectorstore.VectorStoreFileStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.WireExchanges.assertOnlyRequest;
import static dev.assistants4j.client.WireExchanges.onlyRequestUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VectorStoreFileBatchOperationsTests {

	private static final String BATCHES = "/v1/vector_stores/vs_abc123/file_batches";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final VectorStoreFileBatchOperations batches = WireExchanges.client(server).vectorStoreFileBatches();

	@Test
	void createSendsFileIdsWithSharedChunkingAndAttributesAndDecodesTheSpecExample() {
		server.stubFor(post(BATCHES).willReturn(okJson(fixture("file-batch-spec-repaired.json"))));
		CreateVectorStoreFileBatchRequest request = CreateVectorStoreFileBatchRequest.builder()
			.fileIds(List.of("file-abc123", "file-abc456"))
			.chunkingStrategy(ChunkingStrategy.auto())
			.putAttribute("category", "finance")
			.build();
		StepVerifier.create(this.batches.create("vs_abc123", request)).assertNext((batch) -> {
			assertThat(batch.id()).isEqualTo("vsfb_abc123");
			assertThat(batch.object()).isEqualTo("vector_store.file_batch");
			assertThat(batch.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1699061776));
			assertThat(batch.vectorStoreId()).isEqualTo("vs_abc123");
			assertThat(batch.status()).isEqualTo(VectorStoreFileStatus.IN_PROGRESS);
			assertThat(batch.fileCounts()).isEqualTo(new FileCounts(1, 1, 0, 0, 0));
		}).expectComplete().verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(BATCHES)).withRequestBody(equalToJson("""
				{"file_ids":["file-abc123","file-abc456"],"chunking_strategy":{"type":"auto"},
				 "attributes":{"category":"finance"}}""")));
	}

	@Test
	void createSendsFilesWithTheirOwnChunkingAndAttributes() {
		server.stubFor(post(BATCHES).willReturn(okJson(fixture("file-batch-spec-repaired.json"))));
		CreateVectorStoreFileBatchRequest request = CreateVectorStoreFileBatchRequest.builder()
			.addFile(CreateVectorStoreFileRequest.builder("file-abc123").putAttribute("category", "finance").build())
			.addFile(CreateVectorStoreFileRequest.builder("file-abc456")
				.chunkingStrategy(ChunkingStrategy.fixed(1200, 200))
				.build())
			.build();
		StepVerifier.create(this.batches.create("vs_abc123", request)).expectNextCount(1).expectComplete()
			.verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(BATCHES)).withRequestBody(equalToJson("""
				{"files":[{"file_id":"file-abc123","attributes":{"category":"finance"}},
				 {"file_id":"file-abc456","chunking_strategy":{"type":"static",
				  "static":{"max_chunk_size_tokens":1200,"chunk_overlap_tokens":200}}}]}""")));
	}

	@Test
	void retrieveDecodesTheSpecExamples() {
		server.stubFor(get(BATCHES + "/vsfb_abc123").willReturn(okJson(fixture("file-batch-spec-repaired.json"))));
		server.stubFor(get(BATCHES + "/vsfb_123").willReturn(okJson(fixture("file-batch-object-spec.json"))));
		StepVerifier.create(this.batches.retrieve("vs_abc123", "vsfb_abc123"))
			.assertNext((batch) -> assertThat(batch.status()).isEqualTo(VectorStoreFileStatus.IN_PROGRESS))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.batches.retrieve("vs_abc123", "vsfb_123")).assertNext((batch) -> {
			assertThat(batch.id()).isEqualTo("vsfb_123");
			assertThat(batch.object()).isEqualTo("vector_store.files_batch");
			assertThat(batch.createdAt()).isEqualTo(1698107661L);
			assertThat(batch.status()).isEqualTo(VectorStoreFileStatus.COMPLETED);
			assertThat(batch.fileCounts()).isEqualTo(new FileCounts(0, 100, 0, 0, 100));
		}).expectComplete().verify(TIMEOUT);
		server.verify(getRequestedFor(urlEqualTo(BATCHES + "/vsfb_abc123")).withRequestBody(absent()));
	}

	@Test
	void cancelPostsWithoutABodyAndDecodesTheSpecExample() {
		server.stubFor(post(BATCHES + "/vsfb_abc123/cancel")
			.willReturn(okJson(fixture("file-batch-cancelled-spec-repaired.json"))));
		StepVerifier.create(this.batches.cancel("vs_abc123", "vsfb_abc123")).assertNext((batch) -> {
			assertThat(batch.id()).isEqualTo("vsfb_abc123");
			assertThat(batch.fileCounts()).isEqualTo(new FileCounts(12, 3, 0, 0, 15));
		}).expectComplete().verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(BATCHES + "/vsfb_abc123/cancel"))
			.withoutHeader("Content-Type")
			.withRequestBody(absent()));
	}

	@Test
	void listFilesDecodesTheSpecExample() {
		server.stubFor(get(urlPathEqualTo(BATCHES + "/vsfb_abc123/files"))
			.willReturn(okJson(fixture("vector-store-files-list-spec.json"))));
		StepVerifier.create(this.batches.listFiles("vs_abc123", "vsfb_abc123").map(VectorStoreFile::id))
			.expectNext("file-abc123", "file-abc456")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(onlyRequestUrl(server)).isEqualTo(BATCHES + "/vsfb_abc123/files");
	}

	@Test
	void listFilesPageSendsTheListParametersAndTheFilter() {
		server.stubFor(get(urlPathEqualTo(BATCHES + "/vsfb_abc123/files"))
			.willReturn(okJson(fixture("vector-store-files-list-spec.json"))));
		VectorStoreFileListParams params = new VectorStoreFileListParams(
				ListParams.builder().limit(100).order(SortOrder.DESC).build(), VectorStoreFileStatus.CANCELLED);
		StepVerifier.create(this.batches.listFilesPage("vs_abc123", "vsfb_abc123", params))
			.assertNext((page) -> assertThat(page.data()).hasSize(2))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(onlyRequestUrl(server))
			.isEqualTo(BATCHES + "/vsfb_abc123/files?limit=100&order=desc&filter=cancelled");
		server.resetRequests();
		StepVerifier.create(this.batches.listFiles("vs_abc123", "vsfb_abc123",
				VectorStoreFileListParams.filter(VectorStoreFileStatus.FAILED)))
			.expectNextCount(2)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(onlyRequestUrl(server)).isEqualTo(BATCHES + "/vsfb_abc123/files?filter=failed");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", ".", ".." })
	void badIdsAreRejectedWhenCalledBeforeAnyRequest(String badId) {
		CreateVectorStoreFileBatchRequest create = CreateVectorStoreFileBatchRequest.of(List.of("file-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.batches.create(badId, create))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.batches.createAndPoll(badId, create))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.batches.retrieve("vs_1", badId))
			.withMessageStartingWith("'batchId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.batches.cancel("vs_1", badId))
			.withMessageStartingWith("'batchId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.batches.listFiles(badId, "vsfb_1"))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.batches.uploadAndPoll(badId, List.of()))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void requestsWithoutExactlyOneKindOfFilesAreRejectedWhenBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreateVectorStoreFileBatchRequest.builder().build())
			.withMessage("Exactly one of 'fileIds' and 'files' must be non-empty");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateVectorStoreFileBatchRequest.of(List.of()))
			.withMessage("Exactly one of 'fileIds' and 'files' must be non-empty");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateVectorStoreFileBatchRequest.builder()
			.fileIds(List.of("file-1"))
			.addFile(CreateVectorStoreFileRequest.of("file-2"))
			.build()).withMessage("Exactly one of 'fileIds' and 'files' must be non-empty");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateVectorStoreFileBatchRequest.builder()
			.addFile(CreateVectorStoreFileRequest.of("file-2"))
			.chunkingStrategy(ChunkingStrategy.auto())
			.build()).withMessageContaining("set them on each of 'files' instead");
		assertThatIllegalArgumentException().isThrownBy(() -> this.batches.uploadAndPoll("vs_1", List.of()))
			.withMessage("'files' must not be empty");
	}

}
