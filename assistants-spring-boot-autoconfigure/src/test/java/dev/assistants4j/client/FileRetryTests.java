package dev.assistants4j.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.assistants4j.model.file.FileUpload;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.AssistantsStubs.requests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads are retried only when their content can be sent again, and downloads only until their first byte.
 */
class FileRetryTests {

	private static final String CONTENT = "name,score\nada,10\n";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final FileOperations files = builder(server).build().files();

	private static void stubFailureThenSuccess(Supplier<MappingBuilder> request, ResponseDefinitionBuilder success) {
		server.stubFor(request.get().inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		server.stubFor(request.get().inScenario("flaky").whenScenarioStateIs("recovered").willReturn(success));
	}

	@Test
	void uploadOfBytesIsRetriedWithItsWholeContent() {
		stubFailureThenSuccess(() -> post("/v1/files"), okJson(fixture("file-uploaded-spec-repaired.json")));
		FileUpload upload = FileUpload.of(CONTENT.getBytes(StandardCharsets.UTF_8), "scores.csv");
		assertThat(upload.isReplayable()).isTrue();
		StepVerifier.create(this.files.upload(upload)).expectNextCount(1).expectComplete().verify(TIMEOUT);
		server.verify(2, postRequestedFor(urlEqualTo("/v1/files"))
			.withRequestBodyPart(aMultipart().withName("file").withBody(equalTo(CONTENT)).build()));
	}

	@Test
	void uploadOfAStreamIsNeverRetried() {
		stubFailureThenSuccess(() -> post("/v1/files"), okJson(fixture("file-uploaded-spec-repaired.json")));
		Flux<DataBuffer> stream = Flux.just(CONTENT.getBytes(StandardCharsets.UTF_8))
			.map(DefaultDataBufferFactory.sharedInstance::wrap);
		FileUpload upload = FileUpload.of(stream, "scores.csv");
		assertThat(upload.isReplayable()).isFalse();
		assertThat(errorOf(this.files.upload(upload))).isInstanceOf(InternalServerException.class);
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void uploadOfAnOpenStreamResourceIsNeverRetried() {
		stubFailureThenSuccess(() -> post("/v1/files"), okJson(fixture("file-uploaded-spec-repaired.json")));
		InputStreamResource resource = new InputStreamResource(
				new ByteArrayInputStream(CONTENT.getBytes(StandardCharsets.UTF_8)));
		FileUpload upload = FileUpload.of(resource, "scores.csv");
		assertThat(upload.isReplayable()).isFalse();
		assertThat(errorOf(this.files.upload(upload))).isInstanceOf(InternalServerException.class);
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void downloadThatFailsBeforeItsFirstByteIsRetried() {
		stubFailureThenSuccess(() -> get("/v1/files/file-1/content"), aResponse().withStatus(200).withBody(CONTENT));
		StepVerifier.create(this.files.contentAsBytes("file-1"))
			.assertNext((bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(CONTENT))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requests(server)).hasSize(2);
		server.verify(2, getRequestedFor(urlEqualTo("/v1/files/file-1/content")));
	}

	@Test
	void downloadThatBreaksAfterItsFirstBytesIsNotRetried() throws Exception {
		AtomicInteger requests = new AtomicInteger();
		// Promises 10,000 bytes, sends 1,000 and closes: WireMock cannot break a body half-way.
		try (ServerSocket broken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread serverThread = new Thread(() -> {
				while (!broken.isClosed()) {
					try (Socket socket = broken.accept()) {
						requests.incrementAndGet();
						socket.getInputStream().read(new byte[8192]);
						OutputStream out = socket.getOutputStream();
						out.write("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
						out.write(new byte[1000]);
						out.flush();
					}
					catch (IOException ex) {
						// Closed by the test.
					}
				}
			});
			serverThread.start();
			FileOperations files = AssistantsClient.builder()
				.token("sk-test")
				.baseUrl("http://127.0.0.1:" + broken.getLocalPort() + "/v1")
				.initialBackoff(Duration.ofMillis(1))
				.build()
				.files();
			AtomicInteger received = new AtomicInteger();
			Throwable failure = errorOf(files.content("file-1").doOnNext((buffer) -> {
				received.addAndGet(buffer.readableByteCount());
				DataBufferUtils.release(buffer);
			}).then());
			assertThat(failure).isInstanceOf(AssistantsTransportException.class)
				.hasMessageStartingWith("GET /files/{file_id}/content failed");
			assertThat(received).hasValue(1000);
			assertThat(requests).hasValue(1);
		}
	}

}
