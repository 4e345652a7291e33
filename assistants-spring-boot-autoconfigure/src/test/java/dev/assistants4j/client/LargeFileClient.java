package dev.assistants4j.client;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.core.io.buffer.DataBufferUtils;

import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.file.OpenAiFile;

/**
 * Uploads a file and downloads it again through the client, in a JVM of its own whose heap is far smaller than
 * the file, and prints what it moved; {@link LargeFileTransferTests} starts it. Arguments: the base URL and the
 * file.
 */
final class LargeFileClient {

	private LargeFileClient() {
	}

	public static void main(String[] args) {
		AssistantsClient client = AssistantsClient.builder().token("sk-test").baseUrl(args[0]).build();
		long start = System.nanoTime();
		OpenAiFile uploaded = client.files().upload(FileUpload.of(Path.of(args[1]))).block(Duration.ofMinutes(2));
		long uploadMillis = (System.nanoTime() - start) / 1_000_000;
		start = System.nanoTime();
		Long downloaded = client.files()
			.content(uploaded.id())
			.map((buffer) -> {
				long size = buffer.readableByteCount();
				DataBufferUtils.release(buffer);
				return size;
			})
			.reduce(0L, Long::sum)
			.block(Duration.ofMinutes(2));
		long downloadMillis = (System.nanoTime() - start) / 1_000_000;
		long heapPeak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getPeakUsage)
			.mapToLong((usage) -> usage.getUsed())
			.sum();
		System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory() + " uploaded=" + uploaded.bytes()
				+ " uploadMillis=" + uploadMillis + " downloaded=" + downloaded + " downloadMillis=" + downloadMillis
				+ " heapPeak=" + heapPeak);
	}

}
