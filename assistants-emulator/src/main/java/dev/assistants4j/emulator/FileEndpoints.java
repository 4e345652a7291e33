package dev.assistants4j.emulator;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.file.FilePurpose;
import dev.assistants4j.model.file.OpenAiFile;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The files endpoints. An upload is read part by part from the multipart form and its bytes kept in memory,
 * up to the maximum file size; the content of a file is served back as it was uploaded, except for files of
 * purpose {@code assistants}, which the service never lets anyone download.
 */
final class FileEndpoints {

	private static final String FILE_ID = "file_id";

	private static final List<String> UPLOAD_PURPOSES = List.of("assistants", "batch", "fine-tune", "vision",
			"user_data", "evals");

	private static final long MIN_EXPIRY_SECONDS = 3600;

	private static final long MAX_EXPIRY_SECONDS = 2_592_000;

	private static final int MAX_LIST_LIMIT = 10_000;

	private final EmulatorState state;

	private final WireJson json;

	private final EmulatorSettings settings;

	FileEndpoints(EmulatorState state, WireJson json, EmulatorSettings settings) {
		this.state = state;
		this.json = json;
		this.settings = settings;
	}

	RouterFunction<ServerResponse> routes() {
		return route().POST("/files", this::upload)
			.GET("/files", this::list)
			.GET("/files/{file_id}", this::retrieve)
			.DELETE("/files/{file_id}", this::delete)
			.GET("/files/{file_id}/content", this::content)
			.build();
	}

	private Mono<ServerResponse> upload(ServerRequest request) {
		Optional<MediaType> type = request.headers().contentType();
		if (type.isEmpty() || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type.get())) {
			throw WireError.invalid("Invalid Content-Type header (" + type.map(MediaType::toString).orElse("none")
					+ "), expected multipart/form-data.");
		}
		Form form = new Form();
		return request.bodyToFlux(PartEvent.class)
			.windowUntil(PartEvent::isLast)
			.concatMap((part) -> part.switchOnFirst((first, events) -> {
				PartEvent event = first.get();
				if (event instanceof FilePartEvent file) {
					return bytes(events).doOnNext((bytes) -> form.file(file.name(), file.filename(), bytes));
				}
				if (event instanceof FormPartEvent field) {
					form.fields.put(field.name(), field.value());
				}
				return events.doOnNext((each) -> DataBufferUtils.release(each.content())).then();
			}))
			.then(Mono.defer(() -> this.json.ok(store(form))));
	}

	/**
	 * Reads a file part's content into memory, up to the maximum file size, releasing each buffer.
	 */
	private Mono<byte[]> bytes(Flux<PartEvent> events) {
		long max = this.settings.maxFileSize();
		return events.map(PartEvent::content).reduce(new ByteArrayOutputStream(), (content, buffer) -> {
			if (content.size() + (long) buffer.readableByteCount() > max) {
				// Not released here: the reduction discards the buffer it failed on, and the hook releases it.
				throw WireError.invalid("File exceeds the maximum size of " + max + " bytes.", "file", null);
			}
			try {
				byte[] chunk = new byte[buffer.readableByteCount()];
				buffer.read(chunk);
				content.writeBytes(chunk);
				return content;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).map(ByteArrayOutputStream::toByteArray).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
	}

	private OpenAiFile store(Form form) {
		String purpose = form.fields.get("purpose");
		if (form.content == null || form.filename == null) {
			throw WireError.missingParameter("file");
		}
		if (purpose == null) {
			throw WireError.missingParameter("purpose");
		}
		if (!UPLOAD_PURPOSES.contains(purpose)) {
			throw WireError.invalidValue("purpose", purpose, UPLOAD_PURPOSES);
		}
		long now = this.settings.now();
		String id = Ids.next(StoredFile.PREFIX);
		OpenAiFile file = new OpenAiFile(id, "file", (long) form.content.length, now, expiresAt(form, now),
				form.filename, FilePurpose.of(purpose), "processed", null);
		this.state.files.add(id, new StoredFile(file, form.content));
		return file;
	}

	private static @Nullable Long expiresAt(Form form, long now) {
		String anchor = form.fields.get("expires_after[anchor]");
		String seconds = form.fields.get("expires_after[seconds]");
		if (anchor == null && seconds == null) {
			return null;
		}
		if (!"created_at".equals(anchor)) {
			throw WireError.invalidValue("expires_after.anchor", anchor, List.of("created_at"));
		}
		long after;
		try {
			after = Long.parseLong(String.valueOf(seconds));
		}
		catch (NumberFormatException ex) {
			throw WireError.invalid("Invalid 'expires_after.seconds': expected an integer, but got '" + seconds
					+ "' instead.", "expires_after.seconds", "invalid_type");
		}
		if (after < MIN_EXPIRY_SECONDS || after > MAX_EXPIRY_SECONDS) {
			throw WireError.invalid("Invalid 'expires_after.seconds': expected a value between " + MIN_EXPIRY_SECONDS
					+ " and " + MAX_EXPIRY_SECONDS + ", but got " + after + " instead.", "expires_after.seconds",
					"invalid_value");
		}
		return now + after;
	}

	private Mono<ServerResponse> list(ServerRequest request) {
		ListQuery query = ListQuery.of(request, MAX_LIST_LIMIT, MAX_LIST_LIMIT);
		Optional<String> purpose = request.queryParam("purpose");
		return this.json.ok(this.state.files.page(query,
				(stored) -> purpose.isEmpty() || purpose.get().equals(String.valueOf(stored.file().purpose())),
				StoredFile::file));
	}

	private Mono<ServerResponse> retrieve(ServerRequest request) {
		return this.json.ok(this.state.file(request.pathVariable(FILE_ID)).file());
	}

	private Mono<ServerResponse> delete(ServerRequest request) {
		String id = request.pathVariable(FILE_ID);
		if (this.state.files.remove(id) == null) {
			throw WireError.noSuchFile(id);
		}
		return this.json.ok(new DeletionStatus(id, "file", true));
	}

	private Mono<ServerResponse> content(ServerRequest request) {
		StoredFile stored = this.state.file(request.pathVariable(FILE_ID));
		if (FilePurpose.ASSISTANTS.equals(stored.file().purpose())) {
			throw WireError.invalid("Not allowed to download files of purpose: assistants");
		}
		String filename = (stored.file().filename() != null) ? stored.file().filename() : "file";
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.bodyValue(stored.content());
	}

	/**
	 * The parts of an upload form, as they are read.
	 */
	private static final class Form {

		private final Map<String, String> fields = new LinkedHashMap<>();

		private byte @Nullable [] content;

		private @Nullable String filename;

		void file(String name, String filename, byte[] content) {
			if ("file".equals(name)) {
				this.filename = filename;
				this.content = content;
			}
		}

	}

}
