package io.firedrill.kit.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.Cleanup;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.catalog.Criteria;

/**
 * Puts a {@link NewIncident.Draft} into the kit's work tree all or nothing: each new folder is written beside its
 * place and moved in, so a failure leaves nothing; {@code criteria.yaml} is replaced last, in one move.
 */
final class DraftWriter {

	private DraftWriter() {
	}

	static List<Path> write(Path root, NewIncident.Draft draft) {
		Map<String, Map<String, byte[]>> byFolder = new LinkedHashMap<>();
		byte[] criteria = null;
		for (Map.Entry<String, byte[]> file : draft.files().entrySet()) {
			if (file.getKey().equals(Criteria.FILE)) {
				criteria = file.getValue();
				continue;
			}
			String[] parts = file.getKey().split("/", 3);
			byFolder.computeIfAbsent(parts[0] + "/" + parts[1], (key) -> new LinkedHashMap<>())
				.put(parts[2], file.getValue());
		}
		for (String folder : byFolder.keySet()) {
			if (Files.exists(root.resolve(folder))) {
				throw FiredrillException.input(folder + " exists: nothing was written");
			}
		}
		List<Path> staged = new ArrayList<>();
		List<Path> written = new ArrayList<>();
		try (Cleanup.Action cleanup = Cleanup.onStop(() -> staged.forEach(Folders::deleteQuietly))) {
			for (Map.Entry<String, Map<String, byte[]>> folder : byFolder.entrySet()) {
				Path target = root.resolve(folder.getKey());
				Files.createDirectories(target.getParent());
				Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".new-");
				staged.add(staging);
				for (Map.Entry<String, byte[]> file : folder.getValue().entrySet()) {
					Path path = staging.resolve(file.getKey());
					Files.createDirectories(path.getParent());
					Files.write(path, file.getValue());
				}
			}
			Path criteriaStaging = null;
			if (criteria != null) {
				Path target = root.resolve(Criteria.FILE);
				criteriaStaging = Files.createTempFile(target.getParent(), ".criteria.yaml.", ".new");
				staged.add(criteriaStaging);
				Files.write(criteriaStaging, criteria);
			}
			int i = 0;
			for (String folder : byFolder.keySet()) {
				Path target = root.resolve(folder);
				Files.move(staged.get(i++), target, StandardCopyOption.ATOMIC_MOVE);
				written.add(target);
			}
			if (criteriaStaging != null) {
				Files.move(criteriaStaging, root.resolve(Criteria.FILE), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
				written.add(root.resolve(Criteria.FILE));
			}
			staged.clear();
			return written;
		}
		catch (FileAlreadyExistsException ex) {
			throw FiredrillException.input(ex.getFile() + " appeared while new-incident wrote: nothing else was written", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			staged.forEach(Folders::deleteQuietly);
		}
	}

}
