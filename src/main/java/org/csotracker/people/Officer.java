package org.csotracker.people;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A hired Community Service Officer (from recruit to certified officer). */
@Entity
@Table(name = "officer")
public class Officer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String employeeNumber;

    @Column(nullable = false)
    private String firstName;

    @Column(nullable = false)
    private String lastName;

    @Column(nullable = false)
    private String email;

    private String phone;

    @Column(nullable = false)
    private String district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProgramComponent programComponent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ShiftPattern shiftPattern;

    /** The supervisor's login name; a supervisor's unit is every officer naming them. */
    private String supervisor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OfficerStatus status;

    @Column(nullable = false)
    private LocalDate hiredOn;

    /** The hiring case this officer came from, if any (one officer per candidate). */
    @Column(unique = true)
    private Long candidateId;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Officer() {
    }

    Officer(NewOfficer details, String employeeNumber, Instant now) {
        this.employeeNumber = employeeNumber;
        this.firstName = details.firstName();
        this.lastName = details.lastName();
        this.email = details.email();
        this.phone = details.phone();
        this.district = details.district();
        this.programComponent = details.programComponent();
        this.shiftPattern = details.shiftPattern();
        this.supervisor = details.supervisor();
        this.hiredOn = details.hiredOn();
        this.candidateId = details.candidateId();
        this.status = OfficerStatus.HIRED;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFullName() {
        return firstName + " " + lastName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getDistrict() {
        return district;
    }

    public ProgramComponent getProgramComponent() {
        return programComponent;
    }

    public ShiftPattern getShiftPattern() {
        return shiftPattern;
    }

    public String getSupervisor() {
        return supervisor;
    }

    public OfficerStatus getStatus() {
        return status;
    }

    void setStatus(OfficerStatus status) {
        this.status = status;
    }

    public LocalDate getHiredOn() {
        return hiredOn;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
