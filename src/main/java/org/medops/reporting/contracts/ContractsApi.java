package org.medops.reporting.contracts;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.medops.reporting.permissions.CanFinalizeScorecards;
import org.medops.reporting.permissions.CanManageContracts;
import org.medops.reporting.permissions.CanReadReporting;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Contracts over REST: set up with items, bands and milestones; items adjusted; invoices and payments recorded. */
@RestController
@RequestMapping("/api/v1/reporting")
class ContractsApi {

    private final ServiceContracts contracts;

    ContractsApi(ServiceContracts contracts) {
        this.contracts = contracts;
    }

    @GetMapping("/contracts")
    @CanReadReporting
    List<Contract> all() {
        return contracts.all();
    }

    @GetMapping("/contracts/{id}")
    @CanReadReporting
    ContractDetail one(@PathVariable long id) {
        Contract contract = contracts.find(id).orElseThrow(() -> ProblemException.notFound("reportingContract", id));
        return new ContractDetail(contract, contract.maxTotal(), contracts.milestones(id));
    }

    @PostMapping("/contracts")
    @CanManageContracts
    ResponseEntity<ContractDetail> create(@Valid @RequestBody ContractRequests.NewContract request) {
        Contract created = contracts.create(request);
        return ResponseEntity.created(URI.create("/api/v1/reporting/contracts/" + created.id())).body(one(created.id()));
    }

    @PutMapping("/contracts/{id}/items")
    @CanManageContracts
    ContractDetail items(@PathVariable long id, @Valid @RequestBody ContractRequests.Items request) {
        contracts.changeItems(id, request);
        return one(id);
    }

    @PostMapping("/milestones/{id}/invoice")
    @CanFinalizeScorecards
    Milestone invoice(@PathVariable long id, @Valid @RequestBody ContractRequests.Invoice request) {
        return contracts.invoice(id, request.receivedOn());
    }

    @PostMapping("/milestones/{id}/payment")
    @CanFinalizeScorecards
    Milestone pay(@PathVariable long id, @Valid @RequestBody ContractRequests.Payment request) {
        return contracts.pay(id, request.paidOn(), request.amount());
    }

    /** {@code maxTotal}: the points the items really give, against the nominal 100. */
    record ContractDetail(Contract contract, int maxTotal, List<Milestone> milestones) {
    }
}
