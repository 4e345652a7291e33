package dev.assistants4j.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.scheduler.VirtualTimeScheduler;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.junit.AssistantsEmulatorExtension;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileBatchRequest;
import dev.assistants4j.model.vectorstore.CreateVectorStoreRequest;
import dev.assistants4j.model.vectorstore.ExpirationPolicy;
import dev.assistants4j.model.vectorstore.VectorStore;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileBatch;
import dev.assistants4j.model.vectorstore.VectorStoreFileStatus;
import dev.assistants4j.model.vectorstore.VectorStoreStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vector stores under virtual time: files in progress until the step delay passes, batches cancelled
 * before, stores that expire after their days of inactivity.
 */
class VectorStoreLifecycleTests {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	private static final Duration STEP = Duration.ofSeconds(1);

	private static final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	@RegisterExtension
	static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension(
			(builder) -> builder.scheduler(time).stepDelay(STEP));

	private final AssistantsClient client = emulator.client();

	@Test
	void keepsFilesInProgressUntilTheirIndexingDelayHasPassed() {
		String storeId = this.client.vectorStores()
			.create(CreateVectorStoreRequest.builder().fileIds(List.of(upload("a.md"))).build())
			.block(TIMEOUT)
			.id();
		VectorStore indexing = this.client.vectorStores().retrieve(storeId).block(TIMEOUT);
		assertThat(indexing.status()).isEqualTo(VectorStoreStatus.IN_PROGRESS);
		assertThat(indexing.fileCounts().inProgress()).isOne();
		assertThat(indexing.usageBytes()).isZero();
		time.advanceTimeBy(STEP);
		VectorStore indexed = this.client.vectorStores().retrieve(storeId).block(TIMEOUT);
		assertThat(indexed.status()).isEqualTo(VectorStoreStatus.COMPLETED);
		assertThat(indexed.fileCounts().completed()).isOne();
	}

	@Test
	void cancelsTheFilesOfABatchStillInProgress() {
		String storeId = this.client.vectorStores().create(CreateVectorStoreRequest.builder().build()).block(TIMEOUT).id();
		VectorStoreFileBatch batch = this.client.vectorStoreFileBatches()
			.create(storeId, CreateVectorStoreFileBatchRequest.of(List.of(upload("a.md"), upload("b.md"))))
			.block(TIMEOUT);
		assertThat(batch.status()).isEqualTo(VectorStoreFileStatus.IN_PROGRESS);
		assertThat(batch.fileCounts().inProgress()).isEqualTo(2);
		VectorStoreFileBatch cancelled = this.client.vectorStoreFileBatches()
			.cancel(storeId, batch.id())
			.block(TIMEOUT);
		assertThat(cancelled.status()).isEqualTo(VectorStoreFileStatus.CANCELLED);
		assertThat(cancelled.fileCounts().cancelled()).isEqualTo(2);
		time.advanceTimeBy(STEP);
		assertThat(this.client.vectorStoreFileBatches().listFiles(storeId, batch.id()).collectList().block(TIMEOUT))
			.extracting(VectorStoreFile::status)
			.containsOnly(VectorStoreFileStatus.CANCELLED);
	}

	@Test
	void expiresAStoreAfterItsDaysOfInactivity() {
		VectorStore store = this.client.vectorStores()
			.create(CreateVectorStoreRequest.builder().expiresAfter(ExpirationPolicy.afterLastActive(2)).build())
			.block(TIMEOUT);
		assertThat(store.expiresAt()).isEqualTo(store.lastActiveAt() + 2 * 86_400);
		time.advanceTimeBy(Duration.ofDays(2));
		assertThat(this.client.vectorStores().retrieve(store.id()).block(TIMEOUT).status())
			.isEqualTo(VectorStoreStatus.EXPIRED);
	}

	private String upload(String filename) {
		return this.client.files()
			.upload(FileUpload.of(filename.getBytes(StandardCharsets.UTF_8), filename))
			.block(TIMEOUT)
			.id();
	}

}
