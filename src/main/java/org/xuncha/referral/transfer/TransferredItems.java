package org.xuncha.referral.transfer;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;

/**
 * What the office reads of its transfers: the items of its readable bodies, one item with its route, one letter
 * with the items it carried, the stored .docx. Everything through {@code ReferralScope} in the repository's SQL; a
 * forged or foreign id reads as not found.
 */
@Service
class TransferredItems {

    private final TransferRepository repository;

    TransferredItems(TransferRepository repository) {
        this.repository = repository;
    }

    record ItemDetail(TransferRepository.ItemRow item, List<TransferRepository.RouteRow> route, boolean canRedirect) {
    }

    record LetterDetail(TransferRepository.LetterRow letter, List<TransferRepository.LetterItemRow> items) {
    }

    @Transactional(readOnly = true)
    ResultPage<TransferRepository.ItemRow> list(DataScope scope, TransferRepository.Filter filter, int page, int size) {
        return repository.list(scope, filter, page, size);
    }

    @Transactional(readOnly = true)
    List<Object[]> inspections(DataScope scope) {
        return repository.inspections(scope);
    }

    @Transactional(readOnly = true)
    ItemDetail item(DataScope scope, long id) {
        TransferRepository.ItemRow item = repository.item(scope, id).orElseThrow(() -> new NotFoundInScope("移交事项"));
        boolean redirect = repository.writableItem(scope, id).isPresent()
                && item.status().canMoveTo(org.xuncha.referral.TransferStatus.TRANSFERRED);
        return new ItemDetail(item, repository.route(id), redirect);
    }

    @Transactional(readOnly = true)
    LetterDetail letter(DataScope scope, long id) {
        TransferRepository.LetterRow letter = repository.letter(scope, id)
                .orElseThrow(() -> new NotFoundInScope("移交函"));
        return new LetterDetail(letter, repository.letterItems(id));
    }

    /** The stored letter, or not found when the caller may not read it or none is stored. */
    @Transactional(readOnly = true)
    byte[] docx(DataScope scope, long id) {
        TransferRepository.LetterRow letter = repository.letter(scope, id)
                .orElseThrow(() -> new NotFoundInScope("移交函"));
        return repository.letterDocx(letter.id()).orElseThrow(() -> new NotFoundInScope("移交函文档"));
    }

    @Transactional(readOnly = true)
    List<TransferRepository.BodyRef> receivingBodies(DataScope scope) {
        return repository.readableBodies(scope);
    }
}
