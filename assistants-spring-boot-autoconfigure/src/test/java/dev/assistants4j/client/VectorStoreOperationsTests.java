package dev.assistants4j.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.vectorstore.ChunkingStrategy;
import dev.assistants4j.model.vectorstore.CreateVectorStoreRequest;
import dev.assistants4j.model.vectorstore.ExpirationPolicy;
import dev.assistants4j.model.vectorstore.FileCounts;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreRequest;
import dev.assistants4j.model.vectorstore.VectorStore;
import dev.assistants4j.model.vectorstore.VectorStoreStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

class VectorStoreOperationsTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final VectorStoreOperations vectorStores = WireExchanges.client(server).vectorStores();

	@Test
	void createSendsEveryValueSetAndDecodesTheSpecExample() {
		server.stubFor(post("/v1/vector_stores").willReturn(okJson(fixture("vector-store-created-spec.json"))));
		CreateVectorStoreRequest request = CreateVectorStoreRequest.builder()
			.name("Support FAQ")
			.description("Contains commonly asked questions and answers, organized by topic.")
			.fileIds(List.of("file-1", "file-2"))
			.expiresAfter(ExpirationPolicy.afterLastActive(7))
			.chunkingStrategy(ChunkingStrategy.fixed(1200, 200))
			.putMetadata("team", "support")
			.build();
		StepVerifier.create(this.vectorStores.create(request)).assertNext((store) -> {
			assertThat(store.id()).isEqualTo("vs_abc123");
			assertThat(store.object()).isEqualTo("vector_store");
			assertThat(store.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1699061776));
			assertThat(store.name()).isEqualTo("Support FAQ");
			assertThat(store.description())
				.isEqualTo("Contains commonly asked questions and answers, organized by topic.");
			// The example says "bytes" where the schema says "usage_bytes".
			assertThat(store.usageBytes()).isNull();
			assertThat(store.fileCounts()).isEqualTo(new FileCounts(0, 3, 0, 0, 3));
			assertThat(store.status()).isNull();
			assertThat(store.metadata()).isEmpty();
		}).expectComplete().verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/vector_stores"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"name":"Support FAQ",
					 "description":"Contains commonly asked questions and answers, organized by topic.",
					 "file_ids":["file-1","file-2"],
					 "expires_after":{"anchor":"last_active_at","days":7},
					 "chunking_strategy":{"type":"static","static":{"max_chunk_size_tokens":1200,
					  "chunk_overlap_tokens":200}},
					 "metadata":{"team":"support"}}""")));
	}

	@Test
	void createWithNothingSetSendsAnEmptyObjectAndAutoChunkingIsItsType() {
		server.stubFor(post("/v1/vector_stores").willReturn(okJson(fixture("vector-store-created-spec.json"))));
		StepVerifier.create(this.vectorStores.create(CreateVectorStoreRequest.builder().build()))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.vectorStores
			.create(CreateVectorStoreRequest.builder().chunkingStrategy(ChunkingStrategy.auto()).build()))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		server.verify(postRequestedFor(urlEqualTo("/v1/vector_stores")).withRequestBody(equalToJson("{}")));
		server.verify(postRequestedFor(urlEqualTo("/v1/vector_stores"))
			.withRequestBody(equalToJson("{\"chunking_strategy\":{\"type\":\"auto\"}}")));
	}

	@Test
	void retrieveDecodesEveryField() {
		server.stubFor(get("/v1/vector_stores/vs_support").willReturn(okJson(fixture("vector-store.json"))));
		StepVerifier.create(this.vectorStores.retrieve("vs_support")).assertNext((store) -> {
			assertThat(store.id()).isEqualTo("vs_support");
			assertThat(store.name()).isEqualTo("Support FAQ");
			assertThat(store.description()).isEqualTo("Answers to the questions customers ask most");
			assertThat(store.usageBytes()).isEqualTo(2048000L);
			assertThat(store.fileCounts()).isEqualTo(new FileCounts(1, 7, 1, 0, 9));
			assertThat(store.status()).isEqualTo(VectorStoreStatus.IN_PROGRESS);
			assertThat(store.expiresAfter()).isEqualTo(ExpirationPolicy.afterLastActive(7));
			assertThat(store.expiresAtInstant()).isEqualTo(Instant.ofEpochSecond(1717604800));
			assertThat(store.lastActiveAtInstant()).isEqualTo(Instant.ofEpochSecond(1717000000));
			assertThat(store.metadata()).containsExactly(Map.entry("team", "support"));
		}).expectComplete().verify(TIMEOUT);
		assertOnlyRequest(server, getRequestedFor(urlEqualTo("/v1/vector_stores/vs_support"))
			.withRequestBody(absent()));
	}

	@Test
	void retrieveDecodesTheSpecExamples() {
		server.stubFor(get("/v1/vector_stores/vs_abc123").willReturn(okJson(fixture("vector-store-spec.json"))));
		server.stubFor(get("/v1/vector_stores/vs_123").willReturn(okJson(fixture("vector-store-object-spec.json"))));
		StepVerifier.create(this.vectorStores.retrieve("vs_abc123")).assertNext((store) -> {
			assertThat(store.id()).isEqualTo("vs_abc123");
			assertThat(store.createdAt()).isEqualTo(1699061776L);
			assertThat(store.name()).isNull();
			assertThat(store.fileCounts()).isNull();
			assertThat(store.status()).isNull();
			assertThat(store.expiresAtInstant()).isNull();
			assertThat(store.lastActiveAtInstant()).isNull();
			assertThat(store.metadata()).isEmpty();
		}).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.vectorStores.retrieve("vs_123")).assertNext((store) -> {
			assertThat(store.id()).isEqualTo("vs_123");
			assertThat(store.usageBytes()).isEqualTo(123456L);
			assertThat(store.lastActiveAt()).isEqualTo(1698107661L);
			assertThat(store.name()).isEqualTo("my_vector_store");
			assertThat(store.status()).isEqualTo(VectorStoreStatus.COMPLETED);
			assertThat(store.fileCounts()).isEqualTo(new FileCounts(0, 100, 0, 0, 100));
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void updateSendsOnlyWhatWasSet() {
		server.stubFor(post("/v1/vector_stores/vs_abc123")
			.willReturn(okJson(fixture("vector-store-created-spec.json"))));
		StepVerifier.create(this.vectorStores.update("vs_abc123", ModifyVectorStoreRequest.builder()
			.name("Support FAQ")
			.build()))
			.assertNext((store) -> assertThat(store.name()).isEqualTo("Support FAQ"))
			.expectComplete()
			.verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/vector_stores/vs_abc123"))
			.withRequestBody(equalToJson("{\"name\":\"Support FAQ\"}")));
		server.resetRequests();
		StepVerifier.create(this.vectorStores.update("vs_abc123", ModifyVectorStoreRequest.builder()
			.expiresAfter(ExpirationPolicy.afterLastActive(30))
			.putMetadata("k", "v")
			.build())).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/vector_stores/vs_abc123"))
			.withRequestBody(equalToJson("""
					{"expires_after":{"anchor":"last_active_at","days":30},"metadata":{"k":"v"}}""")));
	}

	@Test
	void deleteDecodesTheSpecExample() {
		server.stubFor(delete("/v1/vector_stores/vs_abc123")
			.willReturn(okJson(fixture("vector-store-deleted-spec-repaired.json"))));
		StepVerifier.create(this.vectorStores.delete("vs_abc123"))
			.expectNext(new DeletionStatus("vs_abc123", "vector_store.deleted", true))
			.expectComplete()
			.verify(TIMEOUT);
		assertOnlyRequest(server, deleteRequestedFor(urlEqualTo("/v1/vector_stores/vs_abc123")));
	}

	@Test
	void listDecodesTheSpecExample() {
		server.stubFor(get(urlPathEqualTo("/v1/vector_stores"))
			.willReturn(okJson(fixture("vector-stores-list-spec.json"))));
		StepVerifier.create(this.vectorStores.list()).assertNext((store) -> {
			assertThat(store.id()).isEqualTo("vs_abc123");
			assertThat(store.name()).isEqualTo("Support FAQ");
			assertThat(store.fileCounts().completed()).isEqualTo(3);
		}).assertNext((store) -> {
			assertThat(store.id()).isEqualTo("vs_abc456");
			assertThat(store.name()).isEqualTo("Support FAQ v2");
			assertThat(store.description()).isNull();
		}).expectComplete().verify(TIMEOUT);
		assertThat(onlyRequestUrl(server)).isEqualTo("/v1/vector_stores");
	}

	@Test
	void listPageSendsTheListParameters() {
		server.stubFor(get(urlPathEqualTo("/v1/vector_stores"))
			.willReturn(okJson(fixture("vector-stores-list-spec.json"))));
		ListParams params = ListParams.builder().limit(100).order(SortOrder.ASC).before("vs_z").build();
		StepVerifier.create(this.vectorStores.listPage(params)).assertNext((page) -> {
			assertThat(page.data()).extracting(VectorStore::id).containsExactly("vs_abc123", "vs_abc456");
			assertThat(page.lastId()).isEqualTo("vs_abc456");
			assertThat(page.hasMore()).isFalse();
		}).expectComplete().verify(TIMEOUT);
		assertThat(onlyRequestUrl(server)).isEqualTo("/v1/vector_stores?limit=100&order=asc&before=vs_z");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", ".", ".." })
	void badVectorStoreIdsAreRejectedWhenCalledBeforeAnyRequest(String vectorStoreId) {
		ModifyVectorStoreRequest modify = ModifyVectorStoreRequest.builder().build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStores.retrieve(vectorStoreId))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStores.update(vectorStoreId, modify))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStores.delete(vectorStoreId))
			.withMessageStartingWith("'vectorStoreId' must not be");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void missingRequestsAndBadValuesAreRejectedWhenCalled() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStores.create(null))
			.withMessage("'request' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStores.createAndPoll(null))
			.withMessage("'request' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.vectorStores.update("vs_1", null))
			.withMessage("'request' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpirationPolicy.afterLastActive(366))
			.withMessage("'days' must be between 1 and 365 but was 366");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

}
