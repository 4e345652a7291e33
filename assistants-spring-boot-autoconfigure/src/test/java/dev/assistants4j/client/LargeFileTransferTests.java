package dev.assistants4j.client;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file of 512 MB goes up and comes back down through a client whose JVM has 64 MB of heap and 64 MB of
 * direct memory: neither direction holds the file in memory. The server is a few lines of Reactor Netty on
 * loopback that counts the bytes it receives and generates the bytes it sends, storing neither.
 */
class LargeFileTransferTests {

	private static final long SIZE = 512L * 1024 * 1024;

	private static final byte[] CHUNK = new byte[64 * 1024];

	@Test
	void fileFarLargerThanTheHeapIsUploadedAndDownloaded(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("big.bin");
		try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
			sparse.setLength(SIZE);
		}
		AtomicLong received = new AtomicLong();
		AtomicReference<String> head = new AtomicReference<>("");
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.post("/v1/files", (request, response) -> request.receive()
					.doOnNext((buffer) -> {
						if (head.get().length() < 512) {
							head.set(head.get() + buffer.toString(StandardCharsets.ISO_8859_1));
						}
						received.addAndGet(buffer.readableBytes());
					})
					.then(response.header("Content-Type", "application/json")
						.sendString(Mono.fromSupplier(() -> "{\"id\":\"file-big\",\"object\":\"file\",\"bytes\":"
								+ received.get() + "}"))
						.then()))
				.get("/v1/files/file-big/content", (request, response) -> response
					.header("Content-Type", "application/octet-stream")
					.header("Content-Length", Long.toString(SIZE))
					.send(content())))
			.bindNow();
		try {
			Map<String, Long> figures = runClient(server.port(), file, directory.resolve("client.log"));
			// The client ran, in both directions, with a heap an eighth of the file's size.
			assertThat(figures.get("maxHeap")).isLessThanOrEqualTo(SIZE / 8);
			// The multipart form adds its boundaries and part headers, a few hundred bytes, to the file.
			assertThat(received.get()).isBetween(SIZE, SIZE + 1024);
			assertThat(figures.get("uploaded")).isEqualTo(received.get());
			assertThat(head.get()).contains("Content-Disposition: form-data; name=\"file\"; filename=\"big.bin\"");
			assertThat(figures.get("downloaded")).isEqualTo(SIZE);
		}
		finally {
			server.disposeNow();
		}
	}

	private static Flux<ByteBuf> content() {
		long chunks = SIZE / CHUNK.length;
		return Flux.range(0, (int) chunks).map((i) -> Unpooled.wrappedBuffer(CHUNK));
	}

	/**
	 * Runs {@link LargeFileClient} in a JVM of its own with a small heap and returns the figures it prints.
	 */
	private static Map<String, Long> runClient(int port, Path file, Path log) throws IOException, InterruptedException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process client = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-XX:MaxDirectMemorySize=64m",
				"-cp", classPath, LargeFileClient.class.getName(), "http://127.0.0.1:" + port + "/v1", file.toString()))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean exited = client.waitFor(3, TimeUnit.MINUTES);
		if (!exited) {
			client.destroyForcibly();
		}
		List<String> output = Files.readAllLines(log);
		assertThat(exited).as("client finished within 3 minutes: %s", output).isTrue();
		assertThat(client.exitValue()).as("client exit value, output: %s", output).isZero();
		String figures = output.stream().filter((line) -> line.startsWith("maxHeap=")).reduce((a, b) -> b).orElseThrow();
		return Arrays.stream(figures.split(" "))
			.map((pair) -> pair.split("="))
			.collect(Collectors.toMap((pair) -> pair[0], (pair) -> Long.parseLong(pair[1])));
	}

}
