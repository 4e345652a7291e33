package dev.assistants4j.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.junit.AssistantsEmulatorExtension;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.vectorstore.ChunkingStrategy;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileBatchRequest;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.CreateVectorStoreRequest;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreRequest;
import dev.assistants4j.model.vectorstore.VectorStore;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileBatch;
import dev.assistants4j.model.vectorstore.VectorStoreFileErrorCode;
import dev.assistants4j.model.vectorstore.VectorStoreFileListParams;
import dev.assistants4j.model.vectorstore.VectorStoreFileStatus;
import dev.assistants4j.model.vectorstore.VectorStoreStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vector stores, their files and file batches: accepted, counted and marked indexed after a delay, with
 * nothing embedded.
 */
class VectorStoreTests {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	@RegisterExtension
	static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension();

	private final AssistantsClient client = emulator.client();

	@Test
	void indexesTheFilesAStoreIsCreatedWith() {
		String faq = upload("faq.md", "Questions and answers");
		String guide = upload("guide.txt", "A guide");
		CreateVectorStoreRequest request = CreateVectorStoreRequest.builder()
			.name("Docs")
			.fileIds(List.of(faq, guide))
			.putMetadata("team", "support")
			.build();
		StepVerifier.create(this.client.vectorStores().createAndPoll(request))
			.assertNext((store) -> {
				assertThat(store.id()).startsWith("vs_");
				assertThat(store.name()).isEqualTo("Docs");
				assertThat(store.status()).isEqualTo(VectorStoreStatus.COMPLETED);
				assertThat(store.fileCounts().completed()).isEqualTo(2);
				assertThat(store.fileCounts().total()).isEqualTo(2);
				assertThat(store.usageBytes()).isEqualTo(("Questions and answers" + "A guide").length());
				assertThat(store.metadata()).containsEntry("team", "support");
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void indexesAFileBatchAndListsItsFiles() {
		String store = store();
		List<String> files = List.of(upload("a.md", "a"), upload("b.md", "b"), upload("c.md", "c"));
		AtomicReference<VectorStoreFileBatch> indexed = new AtomicReference<>();
		StepVerifier.create(this.client.vectorStoreFileBatches()
				.createAndPoll(store, CreateVectorStoreFileBatchRequest.of(files)))
			.assertNext((batch) -> {
				assertThat(batch.id()).startsWith("vsfb_");
				assertThat(batch.vectorStoreId()).isEqualTo(store);
				assertThat(batch.status()).isEqualTo(VectorStoreFileStatus.COMPLETED);
				assertThat(batch.fileCounts().completed()).isEqualTo(3);
				indexed.set(batch);
			})
			.expectComplete()
			.verify(TIMEOUT);
		// Listed apart: waiting inside assertNext would block the event loop that delivered the batch.
		StepVerifier.create(this.client.vectorStoreFileBatches().listFiles(store, indexed.get().id())
				.map(VectorStoreFile::id))
			.expectNextCount(3)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void failsAFileThatFileSearchCannotRead() {
		String store = store();
		String image = upload("diagram.png", "not text");
		StepVerifier.create(this.client.vectorStoreFiles().createAndPoll(store, CreateVectorStoreFileRequest.of(image)))
			.assertNext((file) -> {
				assertThat(file.status()).isEqualTo(VectorStoreFileStatus.FAILED);
				assertThat(file.lastError().code()).isEqualTo(VectorStoreFileErrorCode.UNSUPPORTED_FILE);
				assertThat(file.usageBytes()).isZero();
			})
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.vectorStores().retrieve(store))
			.assertNext((vectorStore) -> assertThat(vectorStore.fileCounts().failed()).isOne())
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void keepsAFileWithItsAttributesAndChunking() {
		String store = store();
		String fileId = upload("faq.md", "faq");
		CreateVectorStoreFileRequest request = CreateVectorStoreFileRequest.builder(fileId)
			.putAttribute("lang", "en")
			.putAttribute("version", 2)
			.chunkingStrategy(ChunkingStrategy.fixed(400, 100))
			.build();
		VectorStoreFile file = this.client.vectorStoreFiles().createAndPoll(store, request).block(TIMEOUT);
		assertThat(file.id()).isEqualTo(fileId);
		assertThat(file.vectorStoreId()).isEqualTo(store);
		assertThat(file.attributes()).containsEntry("lang", "en").containsEntry("version", 2);
		assertThat(((ChunkingStrategy.Static) file.chunkingStrategy()).settings().maxChunkSizeTokens()).isEqualTo(400);
		StepVerifier.create(this.client.vectorStoreFiles()
				.update(store, fileId, ModifyVectorStoreFileRequest.of(Map.of("lang", "fr"))))
			.assertNext((updated) -> assertThat(updated.attributes()).containsExactly(Map.entry("lang", "fr")))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.vectorStoreFiles()
				.list(store, VectorStoreFileListParams.filter(VectorStoreFileStatus.COMPLETED))
				.map(VectorStoreFile::id))
			.expectNext(fileId)
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.vectorStoreFiles().delete(store, fileId))
			.assertNext((deleted) -> assertThat(deleted.object()).isEqualTo("vector_store.file.deleted"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void appliesTheServiceChunkingForAuto() {
		String store = store();
		VectorStoreFile file = this.client.vectorStoreFiles()
			.create(store, CreateVectorStoreFileRequest.of(upload("faq.md", "faq")))
			.block(TIMEOUT);
		ChunkingStrategy.Static chunking = (ChunkingStrategy.Static) file.chunkingStrategy();
		assertThat(chunking.settings().maxChunkSizeTokens()).isEqualTo(800);
		assertThat(chunking.settings().chunkOverlapTokens()).isEqualTo(400);
	}

	@Test
	void modifiesAndDeletesAStore() {
		String store = store();
		StepVerifier.create(this.client.vectorStores()
				.update(store, ModifyVectorStoreRequest.builder().name("Renamed").putMetadata("k", "v").build()))
			.assertNext((modified) -> {
				assertThat(modified.name()).isEqualTo("Renamed");
				assertThat(modified.metadata()).containsExactly(Map.entry("k", "v"));
			})
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.vectorStores().delete(store))
			.assertNext((deleted) -> assertThat(deleted.object()).isEqualTo("vector_store.deleted"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.vectorStores().list().map(VectorStore::id).filter(store::equals))
			.expectComplete()
			.verify(TIMEOUT);
	}

	private String store() {
		return this.client.vectorStores().create(CreateVectorStoreRequest.builder().build()).block(TIMEOUT).id();
	}

	private String upload(String filename, String content) {
		return this.client.files()
			.upload(FileUpload.of(content.getBytes(StandardCharsets.UTF_8), filename))
			.block(TIMEOUT)
			.id();
	}

}
