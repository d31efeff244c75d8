package dev.migration.autoconfigure.diagnostics;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;

import dev.migration.autoconfigure.scan.RevisionScan;
import dev.migration.core.SecretText;

/**
 * A revision the starter's scan registered that Spring could not make: it may be one built by
 * hand and never meant to run, so the analysis says where it came from and how to keep it out.
 */
public class ScannedRevisionFailureAnalyzer extends AbstractFailureAnalyzer<BeanCreationException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BeanCreationException cause) {
		BeanCreationException scanned = scanned(cause);
		if (scanned == null) {
			return null;
		}
		String rest = scanned.getResourceDescription().substring(RevisionScan.SCANNED.length());
		String source = (rest.indexOf(' ') < 0) ? rest : rest.substring(0, rest.indexOf(' '));
		Throwable root = NestedExceptionUtils.getMostSpecificCause(scanned);
		return new FailureAnalysis(SecretText.mask("Revision class " + scanned.getBeanName() + " was registered by "
				+ "the starter's scan of package " + source + " (it is annotated @Revision), and Spring could not make "
				+ "it: " + root.getMessage()),
				"If it is a revision of this application, give it a constructor Spring can call (no arguments, or "
						+ "beans only). If it is not meant to run here (built by hand, for a test), move it out of "
						+ source + ", or set migrations.revisions.scan=false and register the revisions as beans.",
				rootFailure);
	}

	/** The outermost failure of a bean the scan registered, if the chain holds one. */
	private static BeanCreationException scanned(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BeanCreationException creation && creation.getResourceDescription() != null
					&& creation.getResourceDescription().startsWith(RevisionScan.SCANNED)) {
				return creation;
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		// before Boot's analyzers, which would describe the missing constructor argument alone
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
