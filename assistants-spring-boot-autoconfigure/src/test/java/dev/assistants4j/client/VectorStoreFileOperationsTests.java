package dev.assistants4j.client;

import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.vectorstore.ChunkingStrategy;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileErrorCode;
import dev.assistants4j.model.vectorstore.VectorStoreFileListParams;
import dev.assistants4j.model.vectorstore.VectorStoreFileStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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

class VectorStoreFileOperationsTests {

	private static final String FILES = "/v1/vector_stores/vs_abc123/files";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final VectorStoreFileOperations vectorStoreFiles = WireExchanges.client(server).vectorStoreFiles();

	private final JsonMapper mapper = AssistantsJson.newMapper();

	@Test
	void createSendsTheFileItsChunkingAndAttributesAndDecodesTheSpecExample() {
		server.stubFor(post(FILES).willReturn(okJson(fixture("vector-store-file-created-spec.json"))));
		CreateVectorStoreFileRequest request = CreateVectorStoreFileRequest.builder("file-abc123")
			.chunkingStrategy(ChunkingStrategy.fixed(800, 400))
			.putAttribute("category", "finance")
			.putAttribute("year", 2024)
			.putAttribute("weight", 0.5)
			.putAttribute("public", true)
			.build();
		StepVerifier.create(this.vectorStoreFiles.create("vs_abc123", request)).assertNext((file) -> {
			assertThat(file.id()).isEqualTo("file-abc123");
			assertThat(file.object()).isEqualTo("vector_store.file");
			assertThat(file.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1699061776));
			assertThat(file.usageBytes()).isEqualTo(1234L);
			assertThat(file.vectorStoreId()).isEqualTo("vs_abcd");
			assertThat(file.status()).isEqualTo(VectorStoreFileStatus.COMPLETED);
			assertThat(file.lastError()).isNull();
			assertThat(file.chunkingStrategy()).isNull();
			assertThat(file.attributes()).isEmpty();
		}).expectComplete().verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(FILES)).withRequestBody(equalToJson("""
				{"file_id":"file-abc123",
				 "chunking_strategy":{"type":"static","static":{"max_chunk_size_tokens":800,"chunk_overlap_tokens":400}},
				 "attributes":{"category":"finance","year":2024,"weight":0.5,"public":true}}""")));
	}

	@Test
	void createOfAFileAloneSendsOnlyItsId() {
		server.stubFor(post(FILES).willReturn(okJson(fixture("vector-store-file-created-spec.json"))));
		StepVerifier.create(this.vectorStoreFiles.create("vs_abc123", CreateVectorStoreFileRequest.of("file-abc123")))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(FILES))
			.withRequestBody(equalToJson("{\"file_id\":\"file-abc123\"}")));
	}

	@Test
	void retrieveDecodesTheSpecExamples() {
		server.stubFor(get(FILES + "/file-abc123").willReturn(okJson(fixture("vector-store-file-spec.json"))));
		server.stubFor(get("/v1/vector_stores/vs_abc123/files/file-object")
			.willReturn(okJson(fixture("vector-store-file-object-spec.json"))));
		StepVerifier.create(this.vectorStoreFiles.retrieve("vs_abc123", "file-abc123")).assertNext((file) -> {
			assertThat(file.id()).isEqualTo("file-abc123");
			assertThat(file.vectorStoreId()).isEqualTo("vs_abcd");
			assertThat(file.status()).isEqualTo(VectorStoreFileStatus.COMPLETED);
			assertThat(file.usageBytes()).isNull();
		}).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.vectorStoreFiles.retrieve("vs_abc123", "file-object")).assertNext((file) -> {
			assertThat(file.usageBytes()).isEqualTo(1234L);
			assertThat(file.createdAt()).isEqualTo(1698107661L);
			assertThat(file.vectorStoreId()).isEqualTo("vs_abc123");
			assertThat(file.chunkingStrategy()).isEqualTo(ChunkingStrategy.fixed(800, 400));
		}).expectComplete().verify(TIMEOUT);
		server.verify(getRequestedFor(urlEqualTo(FILES + "/file-abc123")).withRequestBody(absent()));
	}

	@Test
	void retrieveDecodesAFailedFileAndAnOtherChunkingStrategy() {
		server.stubFor(get(FILES + "/file-scan").willReturn(okJson(fixture("vector-store-file-failed.json"))));
		StepVerifier.create(this.vectorStoreFiles.retrieve("vs_abc123", "file-scan")).assertNext((file) -> {
			assertThat(file.status()).isEqualTo(VectorStoreFileStatus.FAILED);
			assertThat(file.lastError()).isEqualTo(new VectorStoreFile.LastError(
					VectorStoreFileErrorCode.UNSUPPORTED_FILE,
					"The file type image/tiff is not supported for file search."));
			assertThat(file.chunkingStrategy()).isEqualTo(new ChunkingStrategy.Other());
			assertThat(file.chunkingStrategy().type()).isEqualTo("other");
			assertThat(file.usageBytes()).isZero();
			assertThat(file.attributes()).isEmpty();
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void retrieveKeepsUnknownValuesAndTypedAttributes() {
		server.stubFor(get(FILES + "/file-drift").willReturn(okJson(fixture("vector-store-file-unknown-values.json"))));
		StepVerifier.create(this.vectorStoreFiles.retrieve("vs_abc123", "file-drift")).assertNext((file) -> {
			assertThat(file.status()).isEqualTo(VectorStoreFileStatus.of("queued"));
			assertThat(file.lastError().code()).isEqualTo(VectorStoreFileErrorCode.of("quota_exceeded"));
			assertThat(file.chunkingStrategy()).isInstanceOfSatisfying(ChunkingStrategy.Unknown.class,
					(unknown) -> assertThat(unknown.type()).isEqualTo("semantic"));
			assertThat(this.mapper.writeValueAsString(file.chunkingStrategy()))
				.isEqualTo("{\"type\":\"semantic\",\"semantic\":{\"breakpoint_threshold\":0.8}}");
			assertThat(file.attributes()).containsExactly(Map.entry("category", "finance"), Map.entry("year", 2024),
					Map.entry("weight", 0.5), Map.entry("public", true));
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void updateSendsTheAttributes() {
		server.stubFor(post(FILES + "/file-abc123").willReturn(okJson(fixture("vector-store-file-attributes.json"))));
		ModifyVectorStoreFileRequest request = ModifyVectorStoreFileRequest.of(Map.of("key1", "value1", "key2", 2));
		StepVerifier.create(this.vectorStoreFiles.update("vs_abc123", "file-abc123", request))
			.assertNext((file) -> assertThat(file.attributes())
				.containsExactlyInAnyOrderEntriesOf(Map.of("key1", "value1", "key2", 2)))
			.expectComplete()
			.verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(FILES + "/file-abc123"))
			.withRequestBody(equalToJson("{\"attributes\":{\"key1\":\"value1\",\"key2\":2}}")));
	}

	@Test
	void updateWithEmptyAttributesRemovesThemAllAndWithoutAttributesIsRejected() {
		server.stubFor(post(FILES + "/file-abc123").willReturn(okJson(fixture("vector-store-file-spec.json"))));
		StepVerifier.create(this.vectorStoreFiles.update("vs_abc123", "file-abc123",
				ModifyVectorStoreFileRequest.of(Map.of())))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(FILES + "/file-abc123"))
			.withRequestBody(equalToJson("{\"attributes\":{}}")));
		assertThatIllegalArgumentException().isThrownBy(() -> ModifyVectorStoreFileRequest.builder().build())
			.withMessage("'attributes' must be set; an empty map removes every attribute");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ModifyVectorStoreFileRequest.of(Map.of("tags", java.util.List.of("a"))))
			.withMessage("Attribute 'tags' must be a string, a number or a boolean but was [a]");
	}

	@Test
	void deleteDecodesTheSpecExample() {
		server.stubFor(delete(FILES + "/file-abc123")
			.willReturn(okJson(fixture("vector-store-file-deleted-spec-repaired.json"))));
		StepVerifier.create(this.vectorStoreFiles.delete("vs_abc123", "file-abc123"))
			.expectNext(new DeletionStatus("file-abc123", "vector_store.file.deleted", true))
			.expectComplete()
			.verify(TIMEOUT);
		assertOnlyRequest(server, deleteRequestedFor(urlEqualTo(FILES + "/file-abc123")));
	}

	@Test
	void listDecodesTheSpecExample() {
		server.stubFor(get(urlPathEqualTo(FILES)).willReturn(okJson(fixture("vector-store-files-list-spec.json"))));
		StepVerifier.create(this.vectorStoreFiles.list("vs_abc123").map(VectorStoreFile::id))
			.expectNext("file-abc123", "file-abc456")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(onlyRequestUrl(server)).isEqualTo(FILES);
	}

	@Test
	void listPageSendsTheListParametersAndTheFilter() {
		server.stubFor(get(urlPathEqualTo(FILES)).willReturn(okJson(fixture("vector-store-files-list-spec.json"))));
		VectorStoreFileListParams params = new VectorStoreFileListParams(
				ListParams.builder().limit(50).after("file-0").build(), VectorStoreFileStatus.FAILED);
		StepVerifier.create(this.vectorStoreFiles.listPage("vs_abc123", params)).assertNext((page) -> {
			assertThat(page.data()).hasSize(2);
			assertThat(page.data().get(0).vectorStoreId()).isEqualTo("vs_abc123");
			assertThat(page.data().get(0).createdAt()).isEqualTo(1699061776L);
			assertThat(page.firstId()).isEqualTo("file-abc123");
		}).expectComplete().verify(TIMEOUT);
		assertThat(onlyRequestUrl(server)).isEqualTo(FILES + "?limit=50&after=file-0&filter=failed");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", ".", ".." })
	void badIdsAreRejectedWhenCalledBeforeAnyRequest(String badId) {
		CreateVectorStoreFileRequest create = CreateVectorStoreFileRequest.of("file-1");
		ModifyVectorStoreFileRequest modify = ModifyVectorStoreFileRequest.of(Map.of());
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStoreFiles.create(badId, create))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStoreFiles.createAndPoll(badId, create))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStoreFiles.list(badId))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStoreFiles.retrieve("vs_1", badId))
			.withMessageStartingWith("'fileId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStoreFiles.update("vs_1", badId, modify))
			.withMessageStartingWith("'fileId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStoreFiles.delete(badId, "file-1"))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void blankFileIdsAreRejectedWhenBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreateVectorStoreFileRequest.of(" "))
			.withMessage("'fileId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateVectorStoreFileRequest.builder("").build())
			.withMessage("'fileId' must not be blank");
	}

}
