package dev.assistants4j.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.MultipartValuePatternBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.file.FileListParams;
import dev.assistants4j.model.file.FilePurpose;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.file.OpenAiFile;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.WireExchanges.assertOnlyRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every file operation on the wire: multipart uploads from each source, listing, retrieval, deletion and
 * content.
 */
class FileOperationsTests {

	private static final String CONTENT = "Q: How do I reset my password?\nA: Use the link on the sign-in page.\n";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final FileOperations files = WireExchanges.client(server).files();

	private static MultipartValuePatternBuilder filePart(String filename, String contentType) {
		return aMultipart().withName("file")
			.withHeader("Content-Disposition", equalTo("form-data; name=\"file\"; filename=\"" + filename + "\""))
			.withHeader("Content-Type", equalTo(contentType))
			.withBody(equalTo(CONTENT));
	}

	private static MultipartValuePatternBuilder field(String name, String value) {
		return aMultipart().withName(name).withBody(equalTo(value));
	}

	private void assertUploaded(FileUpload upload, String filename, String contentType) {
		server.stubFor(post("/v1/files").willReturn(okJson(fixture("file-uploaded-spec-repaired.json"))));
		StepVerifier.create(this.files.upload(upload))
			.assertNext((file) -> assertThat(file.id()).isEqualTo("file-abc123"))
			.expectComplete()
			.verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/files"))
			.withHeader("Content-Type", containing("multipart/form-data;boundary="))
			.withRequestBodyPart(field("purpose", "assistants").build())
			.withRequestBodyPart(filePart(filename, contentType).build()));
		assertThat(server.getAllServeEvents().get(0).getRequest().getParts()).hasSize(2);
	}

	@Test
	void uploadFromAPathSendsItsNameAndContentAndDecodesTheSpecExample(@TempDir Path directory) throws IOException {
		Path faq = Files.writeString(directory.resolve("faq.txt"), CONTENT);
		server.stubFor(post("/v1/files").willReturn(okJson(fixture("file-uploaded-spec-repaired.json"))));
		StepVerifier.create(this.files.upload(FileUpload.of(faq))).assertNext((file) -> {
			assertThat(file.id()).isEqualTo("file-abc123");
			assertThat(file.object()).isEqualTo("file");
			assertThat(file.bytes()).isEqualTo(120000L);
			assertThat(file.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1677610602));
			assertThat(file.expiresAtInstant()).isEqualTo(Instant.ofEpochSecond(1677614202));
			assertThat(file.filename()).isEqualTo("mydata.jsonl");
			assertThat(file.purpose()).isEqualTo(FilePurpose.FINE_TUNE);
			assertThat(file.status()).isNull();
			assertThat(file.statusDetails()).isNull();
		}).expectComplete().verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/files"))
			.withRequestBodyPart(field("purpose", "assistants").build())
			.withRequestBodyPart(filePart("faq.txt", "text/plain").build()));
	}

	@Test
	void uploadFromAResourceSendsTheResourcesNameAndOctetStreamForAnUnknownExtension() {
		assertUploaded(FileUpload.of(new ClassPathResource("fixtures/faq.md")), "faq.md", "application/octet-stream");
	}

	@Test
	void uploadFromBytesSendsTheGivenName() {
		assertUploaded(FileUpload.of(CONTENT.getBytes(StandardCharsets.UTF_8), "faq.json"), "faq.json",
				"application/json");
	}

	@Test
	void uploadFromAStreamSendsTheGivenNameAndSize() {
		byte[] bytes = CONTENT.getBytes(StandardCharsets.UTF_8);
		Flux<DataBuffer> stream = Flux.just(bytes).map(DefaultDataBufferFactory.sharedInstance::wrap);
		assertUploaded(FileUpload.of(stream, "faq.bin", bytes.length), "faq.bin", "application/octet-stream");
		assertThat(server.getAllServeEvents().get(0).getRequest().getPart("file").getHeader("Content-Length")
			.firstValue()).isEqualTo(String.valueOf(bytes.length));
	}

	@Test
	void uploadSendsThePurposeAndTheExpiry() {
		server.stubFor(post("/v1/files").willReturn(okJson(fixture("file-uploaded-spec-repaired.json"))));
		FileUpload upload = FileUpload.of(CONTENT.getBytes(StandardCharsets.UTF_8), "mydata.jsonl")
			.withPurpose(FilePurpose.FINE_TUNE)
			.withExpiresAfter(Duration.ofDays(30));
		StepVerifier.create(this.files.upload(upload)).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/files"))
			.withRequestBodyPart(field("purpose", "fine-tune").build())
			.withRequestBodyPart(field("expires_after[anchor]", "created_at").build())
			.withRequestBodyPart(field("expires_after[seconds]", "2592000").build())
			.withRequestBodyPart(filePart("mydata.jsonl", "application/octet-stream").build()));
	}

	@Test
	void retrieveDecodesTheSpecExample() {
		server.stubFor(get("/v1/files/file-abc123").willReturn(okJson(fixture("file-spec-repaired.json"))));
		StepVerifier.create(this.files.retrieve("file-abc123")).assertNext((file) -> {
			assertThat(file.id()).isEqualTo("file-abc123");
			assertThat(file.bytes()).isEqualTo(120000L);
			assertThat(file.filename()).isEqualTo("mydata.jsonl");
			assertThat(file.purpose()).isEqualTo(FilePurpose.FINE_TUNE);
		}).expectComplete().verify(TIMEOUT);
		assertOnlyRequest(server, getRequestedFor(urlEqualTo("/v1/files/file-abc123")).withRequestBody(absent()));
	}

	@Test
	void retrieveKeepsAnUnknownPurposeAndTheDeprecatedStatus() {
		server.stubFor(get("/v1/files/file-x").willReturn(okJson("""
				{"id":"file-x","object":"file","bytes":12,"created_at":1700000000,"filename":"x.png",
				 "purpose":"realtime_audio","status":"processed","status_details":null,"expires_at":null}""")));
		StepVerifier.create(this.files.retrieve("file-x")).assertNext((file) -> {
			assertThat(file.purpose()).isEqualTo(FilePurpose.of("realtime_audio"));
			assertThat(file.status()).isEqualTo("processed");
			assertThat(file.expiresAtInstant()).isNull();
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void deleteDecodesTheSpecExample() {
		server.stubFor(delete("/v1/files/file-abc123").willReturn(okJson(fixture("file-deleted-spec.json"))));
		StepVerifier.create(this.files.delete("file-abc123"))
			.expectNext(new DeletionStatus("file-abc123", "file", true))
			.expectComplete()
			.verify(TIMEOUT);
		assertOnlyRequest(server, deleteRequestedFor(urlEqualTo("/v1/files/file-abc123")));
	}

	@Test
	void listSendsNoParametersByDefaultAndDecodesTheSpecExample() {
		server.stubFor(get(urlPathEqualTo("/v1/files")).willReturn(okJson(fixture("files-list-spec-repaired.json"))));
		StepVerifier.create(this.files.list()).assertNext((file) -> {
			assertThat(file.id()).isEqualTo("file-abc123");
			assertThat(file.bytes()).isEqualTo(175L);
			assertThat(file.createdAt()).isEqualTo(1613677385L);
			assertThat(file.filename()).isEqualTo("salesOverview.pdf");
			assertThat(file.purpose()).isEqualTo(FilePurpose.ASSISTANTS);
		}).assertNext((file) -> {
			assertThat(file.id()).isEqualTo("file-abc456");
			assertThat(file.filename()).isEqualTo("puppy.jsonl");
			assertThat(file.purpose()).isEqualTo(FilePurpose.FINE_TUNE);
		}).expectComplete().verify(TIMEOUT);
		assertThat(WireExchanges.onlyRequestUrl(server)).isEqualTo("/v1/files");
	}

	@Test
	void listPageSendsPurposeLimitOrderAndCursor() {
		server.stubFor(get(urlPathEqualTo("/v1/files")).willReturn(okJson(fixture("files-list-spec-repaired.json"))));
		FileListParams params = new FileListParams(
				ListParams.builder().limit(100).order(SortOrder.ASC).after("file-abc000").build(),
				FilePurpose.ASSISTANTS);
		StepVerifier.create(this.files.listPage(params)).assertNext((page) -> {
			assertThat(page.data()).extracting(OpenAiFile::id).containsExactly("file-abc123", "file-abc456");
			assertThat(page.firstId()).isEqualTo("file-abc123");
			assertThat(page.lastId()).isEqualTo("file-abc456");
			assertThat(page.hasMore()).isFalse();
		}).expectComplete().verify(TIMEOUT);
		assertThat(WireExchanges.onlyRequestUrl(server))
			.isEqualTo("/v1/files?limit=100&order=asc&after=file-abc000&purpose=assistants");
	}

	@Test
	void listOfAPurposeSendsOnlyThePurpose() {
		server.stubFor(get(urlPathEqualTo("/v1/files")).willReturn(okJson(fixture("files-list-spec-repaired.json"))));
		StepVerifier.create(this.files.list(FileListParams.purpose(FilePurpose.of("user_data"))))
			.expectNextCount(2)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(WireExchanges.onlyRequestUrl(server)).isEqualTo("/v1/files?purpose=user_data");
	}

	@Test
	void contentStreamsTheBytesAsSent() {
		byte[] bytes = new byte[300_000];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) i;
		}
		server.stubFor(get("/v1/files/file-abc123/content").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/octet-stream")
			.withBody(bytes)));
		StepVerifier.create(DataBufferUtils.join(this.files.content("file-abc123")).map((buffer) -> {
			byte[] received = new byte[buffer.readableByteCount()];
			buffer.read(received);
			DataBufferUtils.release(buffer);
			return received;
		})).assertNext((received) -> assertThat(received).isEqualTo(bytes)).expectComplete().verify(TIMEOUT);
		assertOnlyRequest(server, getRequestedFor(urlEqualTo("/v1/files/file-abc123/content"))
			.withHeader("Accept", equalTo("*/*")));
	}

	@Test
	void contentAsBytesReadsASmallFile() {
		server.stubFor(get("/v1/files/file-abc123/content").willReturn(aResponse().withStatus(200).withBody(CONTENT)));
		StepVerifier.create(this.files.contentAsBytes("file-abc123"))
			.assertNext((bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(CONTENT))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void contentAsBytesRefusesAFileAboveTheInMemoryLimit() {
		server.stubFor(get("/v1/files/file-big/content").willReturn(aResponse().withStatus(200)
			.withBody(new byte[2048])));
		FileOperations limited = WireExchanges.client(server).mutate().maxInMemorySize(1024).build().files();
		assertThat(errorOf(limited.contentAsBytes("file-big"))).isInstanceOf(AssistantsDecodingException.class)
			.hasMessageContaining("file-big is larger than max-in-memory-size (1024 bytes)")
			.hasMessageContaining("content(fileId)");
	}

	@Test
	void contentOfAnUnknownFileFailsWithNotFound() {
		server.stubFor(get("/v1/files/file-gone/content").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_404")
			.withBody("""
					{"error":{"message":"No such File object: file-gone","type":"invalid_request_error",
					 "param":"id","code":null}}""")));
		Throwable failure = errorOf(this.files.content("file-gone"));
		assertThat(failure).isInstanceOfSatisfying(NotFoundException.class, (notFound) -> {
			assertThat(notFound.requestId()).isEqualTo("req_404");
			assertThat(notFound.error().message()).isEqualTo("No such File object: file-gone");
		});
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", ".", ".." })
	void badFileIdsAreRejectedWhenCalledBeforeAnyRequest(String fileId) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.retrieve(fileId))
			.withMessageStartingWith("'fileId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.delete(fileId))
			.withMessageStartingWith("'fileId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.content(fileId))
			.withMessageStartingWith("'fileId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.contentAsBytes(fileId))
			.withMessageStartingWith("'fileId' must not be");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void badUploadsAreRejectedWhenBuilt(@TempDir Path directory) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.upload(null))
			.withMessage("'upload' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> FileUpload.of(directory.resolve("missing.pdf")))
			.withMessageStartingWith("'file' must be a readable regular file");
		assertThatIllegalArgumentException().isThrownBy(() -> FileUpload.of(directory))
			.withMessageStartingWith("'file' must be a readable regular file");
		assertThatIllegalArgumentException().isThrownBy(() -> FileUpload.of(new ByteArrayResource(new byte[1])))
			.withMessage("'resource' has no file name; name it with FileUpload.of(resource, filename)");
		assertThatIllegalArgumentException().isThrownBy(() -> FileUpload.of(new byte[1], " "))
			.withMessage("'filename' must not be blank");
		FileUpload upload = FileUpload.of(new byte[1], "a.txt");
		assertThatIllegalArgumentException().isThrownBy(() -> upload.withExpiresAfter(Duration.ofMinutes(59)))
			.withMessageContaining("between 1 hour and 30 days");
		assertThatIllegalArgumentException().isThrownBy(() -> upload.withExpiresAfter(Duration.ofDays(31)))
			.withMessageContaining("between 1 hour and 30 days");
		assertThat(upload.withExpiresAfter(Duration.ofHours(1)).expiresAfter()).isEqualTo(Duration.ofHours(1));
		assertThat(server.getAllServeEvents()).isEmpty();
	}

}
