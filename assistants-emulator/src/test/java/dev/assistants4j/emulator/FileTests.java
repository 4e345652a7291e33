package dev.assistants4j.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.client.BadRequestException;
import dev.assistants4j.client.NotFoundException;
import dev.assistants4j.emulator.junit.AssistantsEmulatorExtension;
import dev.assistants4j.model.file.FileListParams;
import dev.assistants4j.model.file.FilePurpose;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.file.OpenAiFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files: multipart uploads kept in memory, their objects, listing by purpose, content and deletion.
 */
class FileTests {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	private static final byte[] CONTENT = "# FAQ\nQ: Is it offline?\nA: Yes.\n".getBytes(StandardCharsets.UTF_8);

	@RegisterExtension
	static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension((builder) -> builder.maxFileSize(1024));

	private final AssistantsClient client = emulator.client();

	@Test
	void keepsAnUploadAndServesItsContentBack() {
		OpenAiFile file = this.client.files()
			.upload(FileUpload.of(CONTENT, "faq.md").withPurpose(FilePurpose.USER_DATA))
			.block(TIMEOUT);
		assertThat(file.id()).startsWith("file-");
		assertThat(file.object()).isEqualTo("file");
		assertThat(file.bytes()).isEqualTo(CONTENT.length);
		assertThat(file.filename()).isEqualTo("faq.md");
		assertThat(file.purpose()).isEqualTo(FilePurpose.USER_DATA);
		assertThat(file.status()).isEqualTo("processed");
		assertThat(file.expiresAt()).isNull();
		StepVerifier.create(this.client.files().retrieve(file.id()))
			.assertNext((retrieved) -> assertThat(retrieved).isEqualTo(file))
			.expectComplete()
			.verify(TIMEOUT);
		byte[] downloaded = DataBufferUtils.join(this.client.files().content(file.id()))
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.block(TIMEOUT);
		assertThat(downloaded).isEqualTo(CONTENT);
	}

	@Test
	void setsTheExpiryAnUploadAsksFor() {
		OpenAiFile file = this.client.files()
			.upload(FileUpload.of(CONTENT, "faq.md").withExpiresAfter(Duration.ofHours(2)))
			.block(TIMEOUT);
		assertThat(file.expiresAt()).isEqualTo(file.createdAt() + 7200);
	}

	@Test
	void listsFilesByPurpose() {
		String vision = this.client.files()
			.upload(FileUpload.of(CONTENT, "cat.png").withPurpose(FilePurpose.VISION))
			.block(TIMEOUT)
			.id();
		this.client.files().upload(FileUpload.of(CONTENT, "faq.md")).block(TIMEOUT);
		StepVerifier.create(this.client.files().list(FileListParams.purpose(FilePurpose.VISION)).map(OpenAiFile::id))
			.expectNext(vision)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void deletesAFile() {
		String id = this.client.files().upload(FileUpload.of(CONTENT, "faq.md")).block(TIMEOUT).id();
		StepVerifier.create(this.client.files().delete(id))
			.assertNext((deleted) -> {
				assertThat(deleted.id()).isEqualTo(id);
				assertThat(deleted.deleted()).isTrue();
			})
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.files().retrieve(id)).expectError(NotFoundException.class).verify(TIMEOUT);
	}

	@Test
	void refusesAFileLargerThanTheLimit() {
		StepVerifier.create(this.client.files().upload(FileUpload.of(new byte[1025], "big.txt")))
			.expectErrorSatisfies((ex) -> assertThat(((BadRequestException) ex).error().param()).isEqualTo("file"))
			.verify(TIMEOUT);
	}

	@Test
	void refusesAnUploadWithoutItsPurposeOrWithAnUnknownOne() {
		MultipartBodyBuilder noPurpose = new MultipartBodyBuilder();
		noPurpose.part("file", CONTENT).filename("faq.md");
		RawExchange missing = upload(noPurpose);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.error().get("message").stringValue()).isEqualTo("Missing required parameter: 'purpose'.");
		MultipartBodyBuilder unknown = new MultipartBodyBuilder();
		unknown.part("purpose", "homework");
		unknown.part("file", CONTENT).filename("faq.md");
		assertThat(upload(unknown).error().get("code").stringValue()).isEqualTo("invalid_value");
		MultipartBodyBuilder noFile = new MultipartBodyBuilder();
		noFile.part("purpose", "assistants");
		assertThat(upload(noFile).error().get("param").stringValue()).isEqualTo("file");
	}

	@Test
	void refusesAnUploadThatIsNotAMultipartForm() {
		RawExchange answer = RawExchange.of(RawExchange.client(emulator.emulator())
			.post()
			.uri("/files")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"purpose\":\"assistants\"}"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.error().get("message").stringValue()).startsWith("Invalid Content-Type header");
	}

	private static RawExchange upload(MultipartBodyBuilder form) {
		return RawExchange.of(RawExchange.client(emulator.emulator())
			.post()
			.uri("/files")
			.body(BodyInserters.fromMultipartData(form.build())));
	}

}
