package dev.assistants4j.model.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

/**
 * A file to upload, sent as a {@code multipart/form-data} request that always names the file: from a
 * {@link Path}, a Spring {@link Resource}, bytes, or a stream of buffers. The content is streamed, never read
 * into memory whole. The purpose is {@link FilePurpose#ASSISTANTS} unless another one is set.
 *
 * <p>A path, bytes or a resource that can be opened again ({@link Resource#isOpen()} is {@code false}) can be
 * sent again, so a failed upload of one is retried; a stream of buffers is read once and never retried.
 * Instances are immutable; the {@code with…} methods return a copy.
 */
public final class FileUpload {

	private static final long MIN_EXPIRY_SECONDS = 3600;

	private static final long MAX_EXPIRY_SECONDS = 2_592_000;

	private final String filename;

	private final FilePurpose purpose;

	private final @Nullable Resource resource;

	private final @Nullable Flux<DataBuffer> stream;

	private final @Nullable Long size;

	private final @Nullable Duration expiresAfter;

	private FileUpload(String filename, FilePurpose purpose, @Nullable Resource resource,
			@Nullable Flux<DataBuffer> stream, @Nullable Long size, @Nullable Duration expiresAfter) {
		Assert.hasText(filename, "'filename' must not be blank");
		this.filename = filename;
		this.purpose = purpose;
		this.resource = resource;
		this.stream = stream;
		this.size = size;
		this.expiresAfter = expiresAfter;
	}

	/**
	 * Uploads a file from the file system under its own name.
	 * @param file a readable regular file
	 * @return the upload
	 * @throws IllegalArgumentException if the path is not a readable regular file
	 */
	public static FileUpload of(Path file) {
		Assert.notNull(file, "'file' must not be null");
		Assert.isTrue(Files.isRegularFile(file) && Files.isReadable(file),
				() -> "'file' must be a readable regular file but was " + file);
		return of(new FileSystemResource(file), String.valueOf(file.getFileName()));
	}

	/**
	 * Uploads a resource under its own name.
	 * @param resource the resource, such as a {@code ClassPathResource}
	 * @return the upload
	 * @throws IllegalArgumentException if the resource has no file name; name it with
	 * {@link #of(Resource, String)}
	 */
	public static FileUpload of(Resource resource) {
		Assert.notNull(resource, "'resource' must not be null");
		String filename = resource.getFilename();
		Assert.hasText(filename, "'resource' has no file name; name it with FileUpload.of(resource, filename)");
		return of(resource, filename);
	}

	/**
	 * Uploads a resource under the given name.
	 * @param resource the resource
	 * @param filename the name the server records, whose extension tells it the file type
	 * @return the upload
	 */
	public static FileUpload of(Resource resource, String filename) {
		Assert.notNull(resource, "'resource' must not be null");
		return new FileUpload(filename, FilePurpose.ASSISTANTS, resource, null, null, null);
	}

	/**
	 * Uploads bytes under the given name. The array is not copied: leave it unchanged until the upload ends.
	 * @param content the file's content
	 * @param filename the name the server records, whose extension tells it the file type
	 * @return the upload
	 */
	public static FileUpload of(byte[] content, String filename) {
		Assert.notNull(content, "'content' must not be null");
		return new FileUpload(filename, FilePurpose.ASSISTANTS, new ByteArrayResource(content), null, null, null);
	}

	/**
	 * Uploads a stream of buffers of unknown size under the given name. The stream is subscribed to once, and
	 * its buffers are released once written; an upload of it is never retried.
	 * @param content the file's content
	 * @param filename the name the server records, whose extension tells it the file type
	 * @return the upload
	 */
	public static FileUpload of(Flux<DataBuffer> content, String filename) {
		Assert.notNull(content, "'content' must not be null");
		return new FileUpload(filename, FilePurpose.ASSISTANTS, null, content, null, null);
	}

	/**
	 * Uploads a stream of buffers of known size under the given name; the size is sent as the file part's
	 * {@code Content-Length}, as for the other sources. The stream is subscribed to once, and its buffers are
	 * released once written; an upload of it is never retried.
	 * @param content the file's content
	 * @param filename the name the server records, whose extension tells it the file type
	 * @param size the number of bytes the stream holds
	 * @return the upload
	 */
	public static FileUpload of(Flux<DataBuffer> content, String filename, long size) {
		Assert.notNull(content, "'content' must not be null");
		Assert.isTrue(size >= 0, () -> "'size' must not be negative but was " + size);
		return new FileUpload(filename, FilePurpose.ASSISTANTS, null, content, size, null);
	}

	/**
	 * Returns a copy with another purpose.
	 * @param purpose the purpose, {@link FilePurpose#ASSISTANTS} by default
	 * @return a new upload
	 */
	public FileUpload withPurpose(FilePurpose purpose) {
		Assert.notNull(purpose, "'purpose' must not be null");
		return new FileUpload(this.filename, purpose, this.resource, this.stream, this.size, this.expiresAfter);
	}

	/**
	 * Returns a copy that makes the server delete the file this long after its creation.
	 * @param expiresAfter between one hour and 30 days, in whole seconds
	 * @return a new upload
	 */
	public FileUpload withExpiresAfter(Duration expiresAfter) {
		Assert.notNull(expiresAfter, "'expiresAfter' must not be null");
		Assert.isTrue(expiresAfter.getSeconds() >= MIN_EXPIRY_SECONDS && expiresAfter.getSeconds() <= MAX_EXPIRY_SECONDS
				&& expiresAfter.getNano() == 0,
				() -> "'expiresAfter' must be whole seconds between 1 hour and 30 days but was " + expiresAfter);
		return new FileUpload(this.filename, this.purpose, this.resource, this.stream, this.size, expiresAfter);
	}

	/**
	 * Returns the name the file is uploaded under.
	 * @return the file name
	 */
	public String filename() {
		return this.filename;
	}

	/**
	 * Returns the purpose the file is uploaded for.
	 * @return the purpose
	 */
	public FilePurpose purpose() {
		return this.purpose;
	}

	/**
	 * Returns how long after its creation the server deletes the file.
	 * @return the expiry, or {@code null} to keep the file until it is deleted
	 */
	public @Nullable Duration expiresAfter() {
		return this.expiresAfter;
	}

	/**
	 * Tells whether the content can be sent again, which a retry needs.
	 * @return {@code false} for a stream of buffers or a resource that is an open stream
	 */
	public boolean isReplayable() {
		return this.resource != null && !this.resource.isOpen();
	}

	/**
	 * Returns the form fields of the upload: {@code purpose}, the expiry if set, and the {@code file} part
	 * with its file name and a content type guessed from the name.
	 * @return the multipart form
	 */
	public MultiValueMap<String, HttpEntity<?>> toMultipart() {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		// Purpose first, so that a server reading the form as a stream knows it before the content.
		form.part("purpose", this.purpose.value());
		if (this.expiresAfter != null) {
			form.part("expires_after[anchor]", "created_at");
			form.part("expires_after[seconds]", Long.toString(this.expiresAfter.getSeconds()));
		}
		MediaType contentType = MediaTypeFactory.getMediaType(this.filename)
			.orElse(MediaType.APPLICATION_OCTET_STREAM);
		MultipartBodyBuilder.PartBuilder file = (this.resource != null)
				? form.part("file", this.resource, contentType)
				: form.asyncPart("file", this.stream, DataBuffer.class).contentType(contentType);
		file.filename(this.filename);
		if (this.stream != null && this.size != null) {
			file.header(HttpHeaders.CONTENT_LENGTH, Long.toString(this.size));
		}
		return form.build();
	}

	@Override
	public String toString() {
		return "FileUpload[filename=" + this.filename + ", purpose=" + this.purpose + "]";
	}

}
