package dev.assistants4j.emulator;

import dev.assistants4j.model.file.OpenAiFile;

/**
 * An uploaded file: its object and its bytes, held in memory.
 */
record StoredFile(OpenAiFile file, byte[] content) {

	static final String PREFIX = "file-";

}
